using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;

namespace BalaiKota.Core.Features.Admin;

/// <summary>The registry, templates, users and audit log are shaped by administrators only; every admin service method asks here first.</summary>
public static class AdminAccess
{
    /// <summary>Refuses anyone who is not an administrator, with the same code as every other refusal.</summary>
    public static void Require(Actor actor, string what)
    {
        if (!actor.IsIn(Roles.Administrator))
        {
            throw VisitAccess.Denied(what);
        }
    }
}
