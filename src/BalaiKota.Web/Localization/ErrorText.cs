using System.Data.Common;
using BalaiKota.Core.Domain;
using BalaiKota.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace BalaiKota.Web.Localization;

public static class ErrorText
{
    /// <summary>The refusal in the user's language: the resource "Domain_{code}" when there is one, else the domain's Indonesian text.</summary>
    public static string For(DomainException error, IStringLocalizer<SharedResource> l)
    {
        var text = l[$"Domain_{error.Code}"];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    /// <summary>
    /// Failures of the database, the network or the browser that a retry may cure. They are shown as "not saved, try
    /// again" instead of ending the user's session; anything else is a bug and is left to the error page.
    /// </summary>
    public static bool IsTransient(Exception error) =>
        error is DbException or DbUpdateException or TimeoutException or IOException or JSException or OperationCanceledException;
}
