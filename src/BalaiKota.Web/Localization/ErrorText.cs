using BalaiKota.Core.Domain;
using BalaiKota.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BalaiKota.Web.Localization;

public static class ErrorText
{
    /// <summary>The refusal in the user's language: the resource "Domain_{code}" when there is one, else the domain's Indonesian text.</summary>
    public static string For(DomainException error, IStringLocalizer<SharedResource> l)
    {
        var text = l[$"Domain_{error.Code}"];
        return text.ResourceNotFound ? error.Message : text.Value;
    }
}
