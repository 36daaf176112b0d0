using System.Globalization;
using System.Text;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting;
using BalaiKota.Reporting.Documents;
using BalaiKota.Web.Authorization;
using BalaiKota.Web.Features.Reports;
using Microsoft.Extensions.Options;

namespace BalaiKota.Web.Features.Admin.Registry;

/// <summary>
/// <c>Labels:PublicBaseUrl</c>: the address phones reach the app at, put in every room's QR code. Empty: the address the
/// administrator's browser used, which is wrong when that was a private one (an intranet name, a proxy's port).
/// </summary>
public sealed class LabelOptions
{
    public const string Section = "Labels";

    public string? PublicBaseUrl { get; set; }

    /// <summary>Empty, or an absolute http or https address.</summary>
    public bool IsValid() => string.IsNullOrWhiteSpace(PublicBaseUrl)
        || (Uri.TryCreate(PublicBaseUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0);
}

/// <summary>The base of the addresses in the QR codes: the configured public address, else the one the request came in on.</summary>
public sealed class RoomLabelAddress(IOptions<LabelOptions> options)
{
    private readonly Uri? configured = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : new Uri(options.Value.PublicBaseUrl.Trim());

    /// <param name="requestBase">The app's address as the browser sees it (a page's <c>NavigationManager.BaseUri</c>).</param>
    public Uri BaseFor(string requestBase) => configured ?? new Uri(requestBase);

    public Uri BaseFor(HttpRequest request) => BaseFor($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>Where the label sheet of a building (or of one of its floors) is printed from, in the language the app is shown in.</summary>
    public static string SheetPath(Guid buildingId, int? floor) =>
        string.Create(CultureInfo.InvariantCulture, $"/admin/rooms/labels.pdf?buildingId={buildingId:D}")
        + (floor is { } f ? string.Create(CultureInfo.InvariantCulture, $"&floor={f}") : string.Empty)
        + (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "&lang=en" : string.Empty);

    public static string QrPath(Guid roomId) => string.Create(CultureInfo.InvariantCulture, $"/admin/rooms/{roomId:D}/qr.svg");
}

/// <summary>
/// The room labels leave the app here: the PDF sheet of a building or floor and one room's QR code as SVG, for
/// administrators only. A refusal or a bad address is a plain status with its reason, not a sign-in redirect or an
/// HTML page, so that a sheet opened in a new tab says what is wrong.
/// </summary>
public static class RoomLabelEndpoints
{
    public static IServiceCollection AddRoomLabels(this IServiceCollection services)
    {
        services.AddOptions<LabelOptions>().BindConfiguration(LabelOptions.Section)
            .Validate(o => o.IsValid(), $"{LabelOptions.Section}:{nameof(LabelOptions.PublicBaseUrl)} must be empty or an absolute http(s) address such as https://balaikota.example.go.id/.")
            .ValidateOnStart();
        services.AddSingleton<RoomLabelAddress>();
        return services;
    }

    public static IEndpointRouteBuilder MapRoomLabels(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/admin/rooms").RequireArea(PageAccess.Admin, "mencetak label QR ruangan");
        rooms.MapGet("/labels.pdf", SheetAsync);
        rooms.MapGet("/{roomId:guid}/qr.svg", QrAsync);
        return app;
    }

    private static async Task<IResult> SheetAsync(string? buildingId, string? floor, string? lang, HttpContext http, RoomLabelService labels, RoomLabelAddress address)
    {
        if (!Guid.TryParse(buildingId, out var building))
        {
            return BadRequest("Gedung tidak dikenali: pilih gedung dari daftar, lalu cetak lagi.");
        }

        int? onFloor = null;
        if (!string.IsNullOrWhiteSpace(floor))
        {
            if (!int.TryParse(floor, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return BadRequest("Lantai harus berupa angka, misalnya 2.");
            }

            onFloor = number;
        }

        if (!ReportAddress.TryLanguage(lang, out var language, out var problem))
        {
            return problem!;
        }

        return await AnswerAsync(async () =>
        {
            var sheet = await labels.SheetAsync(http.User.ToActor(), building, onFloor, address.BaseFor(http.Request), language, http.RequestAborted);
            var pdf = RoomLabelSheet.Render(sheet);
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{FileName(sheet)}\"";
            return Results.File(pdf, "application/pdf");
        });
    }

    private static Task<IResult> QrAsync(Guid roomId, HttpContext http, RoomLabelService labels, RoomLabelAddress address) =>
        AnswerAsync(async () =>
        {
            var label = await labels.RoomAsync(http.User.ToActor(), roomId, address.BaseFor(http.Request), http.RequestAborted);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(QrSymbol.Svg(label.InspectUrl.AbsoluteUri), "image/svg+xml", Encoding.UTF8);
        });

    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> answer)
    {
        try
        {
            return await answer();
        }
        catch (DomainException refused) when (Refusal(refused) is { } plain)
        {
            return plain;
        }
    }

    private static IResult? Refusal(DomainException refused) => refused.Code switch
    {
        RoomLabelService.BuildingNotFoundCode or RoomLabelService.RoomNotFoundCode or RoomLabelService.NoRoomsCode =>
            Results.Text(refused.Message, statusCode: StatusCodes.Status404NotFound),
        _ => ReportAddress.Refusal(refused),
    };

    private static IResult BadRequest(string message) => Results.Text(message, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>"label-qr-gedung-utama-lantai-2.pdf": the building's name in plain letters, safe in any header and file system.</summary>
    private static string FileName(RoomLabelSheetModel sheet)
    {
        var english = sheet.Language == ReportLanguage.English;
        var name = new StringBuilder(english ? "room-labels-" : "label-qr-");
        foreach (var c in sheet.BuildingName.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var stem = name.ToString().TrimEnd('-');
        return sheet.Floor is { } floor
            ? string.Create(CultureInfo.InvariantCulture, $"{stem}-{(english ? "floor" : "lantai")}-{floor}.pdf")
            : stem + ".pdf";
    }
}
