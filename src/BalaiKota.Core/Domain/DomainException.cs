namespace BalaiKota.Core.Domain;

/// <summary>
/// A rule of the domain refused an operation. <see cref="Code"/> is a stable key that the UI turns
/// into a message in the user's language; <see cref="Exception.Message"/> is the Indonesian default.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainException()
        : this("domain", "Operasi ditolak.")
    {
    }

    public DomainException(string message)
        : this("domain", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain";
    }

    public string Code { get; }
}
