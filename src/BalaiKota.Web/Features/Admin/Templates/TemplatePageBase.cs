using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Templates;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Features.Visits;
using Microsoft.AspNetCore.Components;

namespace BalaiKota.Web.Features.Admin.Templates;

/// <summary>What the two template pages share: the service, and a refusal worded for templates.</summary>
public abstract class TemplatePageBase : VisitPageBase
{
    [Inject]
    protected TemplateAdminService Service { get; set; } = default!;

    // The shared text of this code speaks of visits; here it is the administration of templates.
    protected override string Describe(DomainException refused) =>
        refused.Code == VisitAccess.DeniedCode ? L["Admin_Templates_Denied"] : base.Describe(refused);
}
