namespace BalaiKota.Core.Domain;

internal static class Guard
{
    public static string Text(string? value, string code, string message, int maxLength = 200)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > maxLength)
        {
            throw new DomainException(code, message);
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, int maxLength, string code, string message)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength ? throw new DomainException(code, message) : trimmed;
    }

    public static void That(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw new DomainException(code, message);
        }
    }
}
