namespace BalaiKota.Web.Features.Admin.Users;

/// <summary>What an administrator can do to an account from its row, besides editing it.</summary>
public enum UserAction
{
    ResetPassword,
    Lock,
    Unlock,
    Deactivate,
    Activate,
}
