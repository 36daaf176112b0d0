using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Templates;

/// <summary>One version of a checklist in the versions list; <see cref="Visits"/> counts the visits that pinned it.</summary>
public sealed record TemplateVersionRow(Guid Id, int Version, TemplateStatus Status, DateTime? PublishedAt, DateTime? RetiredAt, int Visits);

/// <summary>Every version of one checklist (one template code), newest first.</summary>
public sealed record TemplateFamily(string Code, string Name, IReadOnlyList<TemplateVersionRow> Versions)
{
    public TemplateVersionRow? Published => Versions.FirstOrDefault(v => v.Status == TemplateStatus.Published);

    public TemplateVersionRow? Draft => Versions.FirstOrDefault(v => v.Status == TemplateStatus.Draft);
}

public sealed record TemplateView(Guid Id, string Code, string Name, int Version, TemplateStatus Status, DateTime? PublishedAt, DateTime? RetiredAt, IReadOnlyList<CategoryView> Categories)
{
    public bool IsDraft => Status == TemplateStatus.Draft;

    public IEnumerable<ItemView> Items => Categories.SelectMany(c => c.Items);
}

public sealed record CategoryView(Guid Id, InspectionArea Area, string NameId, string NameEn, int SortOrder, IReadOnlyList<ItemView> Items);

/// <summary>An item as stored; <see cref="Definition"/> is what the editor changes and sends back as "before".</summary>
public sealed record ItemView(Guid Id, Guid CategoryId, int SortOrder, ChecklistItemDefinition Definition);

/// <summary>The outcome of a publish: published, or refused with every problem (and nothing changed).</summary>
public sealed record PublishResult(bool Published, IReadOnlyList<TemplateProblem> Problems);
