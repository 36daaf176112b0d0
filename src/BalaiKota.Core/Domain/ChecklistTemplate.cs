namespace BalaiKota.Core.Domain;

/// <summary>
/// One version of a checklist. A draft is edited; a published version is immutable, so a visit that
/// pinned it, and every report of that visit, keeps the bands it was inspected against.
/// </summary>
public class ChecklistTemplate : AuditableEntity
{
    private readonly List<ChecklistCategory> _categories = [];

    private ChecklistTemplate()
    {
        Code = Name = string.Empty;
    }

    private ChecklistTemplate(string code, string name, int version)
    {
        Id = Guid.CreateVersion7();
        Code = Guard.Text(code, "template.code", "Kode templat wajib diisi (paling banyak 50 karakter).", 50);
        Name = Guard.Text(name, "template.name", "Nama templat wajib diisi (paling banyak 200 karakter).");
        Guard.That(version >= 1, "template.version", "Nomor versi dimulai dari 1.");
        Version = version;
        Status = TemplateStatus.Draft;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable key of the template family; every version of one checklist shares it.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public int Version { get; private set; }

    public TemplateStatus Status { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime? RetiredAt { get; private set; }

    public IReadOnlyCollection<ChecklistCategory> Categories => _categories.AsReadOnly();

    public IEnumerable<ChecklistItem> Items => _categories.SelectMany(c => c.Items);

    public static ChecklistTemplate CreateDraft(string code, string name) => new(code, name, 1);

    /// <summary>A new draft version that copies every category and item of this one.</summary>
    public ChecklistTemplate CreateNextDraft()
    {
        Guard.That(Status != TemplateStatus.Draft, "template.draftFromDraft", "Versi baru dibuat dari versi yang sudah terbit, bukan dari draf.");
        var next = new ChecklistTemplate(Code, Name, Version + 1);
        foreach (var category in _categories.OrderBy(c => c.SortOrder))
        {
            var copy = next.AddCategory(category.Area, category.NameId, category.NameEn);
            foreach (var item in category.Items.OrderBy(i => i.SortOrder))
            {
                next.AddItem(copy.Id, item.ToDefinition());
            }
        }

        return next;
    }

    public ChecklistCategory AddCategory(InspectionArea area, string nameId, string nameEn)
    {
        EnsureDraft();
        var category = new ChecklistCategory(Id, area, nameId, nameEn, _categories.Count + 1);
        _categories.Add(category);
        return category;
    }

    public ChecklistItem AddItem(Guid categoryId, ChecklistItemDefinition definition)
    {
        EnsureDraft();
        Guard.That(Items.All(i => i.Code != definition.Code), "template.itemCode", $"Kode butir '{definition.Code}' sudah dipakai di templat ini.");
        return FindCategory(categoryId).AddItem(definition);
    }

    public void UpdateItem(Guid itemId, ChecklistItemDefinition definition)
    {
        EnsureDraft();
        var item = FindItem(itemId);
        Guard.That(Items.All(i => i.Id == itemId || i.Code != definition.Code), "template.itemCode", $"Kode butir '{definition.Code}' sudah dipakai di templat ini.");
        item.Apply(definition);
    }

    public void RenameCategory(Guid categoryId, string nameId, string nameEn)
    {
        EnsureDraft();
        FindCategory(categoryId).Rename(nameId, nameEn);
    }

    /// <summary>Removes an empty category; its items are moved or removed first, so none is lost by one tap.</summary>
    public void RemoveCategory(Guid categoryId)
    {
        EnsureDraft();
        var category = FindCategory(categoryId);
        Guard.That(category.Items.Count == 0, "category.notEmpty", "Kategori masih berisi butir; pindahkan atau hapus butirnya terlebih dahulu.");
        _categories.Remove(category);
        Renumber(Ordered());
    }

    /// <summary>Moves a category to a position (1 is the first); the others close up around it.</summary>
    public void MoveCategory(Guid categoryId, int position)
    {
        EnsureDraft();
        var category = FindCategory(categoryId);
        Guard.That(position >= 1 && position <= _categories.Count, "template.position", "Posisi di luar daftar.");
        var ordered = Ordered();
        ordered.Remove(category);
        ordered.Insert(position - 1, category);
        Renumber(ordered);
    }

    /// <summary>Moves an item to a position (1 is the first) in a category, its own or another one.</summary>
    public void MoveItem(Guid itemId, Guid categoryId, int position)
    {
        EnsureDraft();
        var item = FindItem(itemId);
        var from = FindCategory(item.CategoryId);
        var to = FindCategory(categoryId);
        var last = to.Items.Count + (from == to ? 0 : 1);
        Guard.That(position >= 1 && position <= last, "template.position", "Posisi di luar daftar.");
        from.Take(item);
        to.Insert(item, position);
    }

    public void RemoveItem(Guid itemId)
    {
        EnsureDraft();
        var item = FindItem(itemId);
        FindCategory(item.CategoryId).Take(item);
    }

    /// <summary>
    /// Everything that stands in the way of publishing, all at once: each item is checked against every rule of an item
    /// (a row may have been written before a rule existed), and a category without items or a template without any is refused.
    /// </summary>
    public IReadOnlyList<TemplateProblem> ProblemsBeforePublish()
    {
        var problems = new List<TemplateProblem>();
        if (!Items.Any())
        {
            problems.Add(new TemplateProblem("template.empty", "Templat tanpa butir tidak dapat diterbitkan.", null, null, null));
        }

        foreach (var category in Ordered())
        {
            if (category.Items.Count == 0)
            {
                problems.Add(new TemplateProblem("category.empty", $"Kategori \"{category.NameId}\" belum berisi butir.", category.Id, null, null));
            }

            foreach (var item in category.Items.OrderBy(i => i.SortOrder))
            {
                problems.AddRange(ChecklistItemRules.Check(item.ToDefinition())
                    .Select(p => new TemplateProblem(p.Code, p.Message, category.Id, item.Id, p.Field)));
            }
        }

        var duplicates = Items.GroupBy(i => i.Code).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1));
        problems.AddRange(duplicates.Select(i => new TemplateProblem("template.itemCode", $"Kode butir '{i.Code}' sudah dipakai di templat ini.", i.CategoryId, i.Id, ItemField.Code)));
        return problems;
    }

    public void Publish(DateTime nowUtc)
    {
        EnsureDraft();
        Guard.That(Items.Any(), "template.empty", "Templat tanpa butir tidak dapat diterbitkan.");
        var problems = ProblemsBeforePublish();
        Guard.That(problems.Count == 0, "template.invalid", $"Templat belum dapat diterbitkan: {problems.Count} masalah perlu diperbaiki.");
        Status = TemplateStatus.Published;
        PublishedAt = nowUtc;
    }

    /// <summary>
    /// Publishes this draft as the version of its checklist that new visits take, and retires <paramref name="current"/>,
    /// the version published so far; visits that pinned that one keep it.
    /// </summary>
    public void PublishReplacing(ChecklistTemplate? current, DateTime nowUtc)
    {
        Guard.That(
            current is null || (current.Code == Code && current.Status == TemplateStatus.Published && current.Version < Version),
            "template.replace",
            "Versi yang diganti harus versi terbit sebelumnya dari templat yang sama.");
        Publish(nowUtc);
        current?.Retire(nowUtc);
    }

    public void Retire(DateTime nowUtc)
    {
        Guard.That(Status == TemplateStatus.Published, "template.retire", "Hanya versi yang terbit yang dapat dipensiunkan.");
        Status = TemplateStatus.Retired;
        RetiredAt = nowUtc;
    }

    private ChecklistCategory FindCategory(Guid categoryId) =>
        _categories.SingleOrDefault(c => c.Id == categoryId)
        ?? throw new DomainException("template.categoryMissing", "Kategori tidak ditemukan di templat ini.");

    private ChecklistItem FindItem(Guid itemId) =>
        Items.SingleOrDefault(i => i.Id == itemId)
        ?? throw new DomainException("template.itemMissing", "Butir tidak ditemukan di templat ini.");

    private List<ChecklistCategory> Ordered() => [.. _categories.OrderBy(c => c.SortOrder)];

    private static void Renumber(List<ChecklistCategory> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].PlaceAt(i + 1);
        }
    }

    private void EnsureDraft() =>
        Guard.That(Status == TemplateStatus.Draft, "template.immutable", $"Templat versi {Version} sudah terbit dan tidak dapat diubah; buat versi draf baru.");
}

public class ChecklistCategory
{
    private readonly List<ChecklistItem> _items = [];

    private ChecklistCategory()
    {
        NameId = NameEn = string.Empty;
    }

    internal ChecklistCategory(Guid templateId, InspectionArea area, string nameId, string nameEn, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        TemplateId = templateId;
        Area = area;
        NameId = Guard.Text(nameId, "category.name", "Nama kategori wajib diisi.", 100);
        NameEn = Guard.Text(nameEn, "category.name", "Nama kategori (Inggris) wajib diisi.", 100);
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid TemplateId { get; private set; }

    public InspectionArea Area { get; private set; }

    public string NameId { get; private set; }

    public string NameEn { get; private set; }

    public int SortOrder { get; private set; }

    public IReadOnlyCollection<ChecklistItem> Items => _items.AsReadOnly();

    internal ChecklistItem AddItem(ChecklistItemDefinition definition)
    {
        var item = new ChecklistItem(Id, definition, _items.Count + 1);
        _items.Add(item);
        return item;
    }

    internal void Rename(string nameId, string nameEn)
    {
        NameId = Guard.Text(nameId, "category.name", "Nama kategori wajib diisi.", 100);
        NameEn = Guard.Text(nameEn, "category.name", "Nama kategori (Inggris) wajib diisi.", 100);
    }

    internal void PlaceAt(int sortOrder) => SortOrder = sortOrder;

    internal void Take(ChecklistItem item)
    {
        _items.Remove(item);
        Renumber(_items.OrderBy(i => i.SortOrder).ToList());
    }

    /// <summary>Puts the item at a position (1 is the first) and renumbers the items after it.</summary>
    internal void Insert(ChecklistItem item, int position)
    {
        var ordered = _items.OrderBy(i => i.SortOrder).ToList();
        ordered.Insert(position - 1, item);
        _items.Add(item);
        Renumber(ordered);
    }

    private void Renumber(List<ChecklistItem> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].PlaceIn(Id, i + 1);
        }
    }
}

/// <summary>One reason a draft cannot be published: of the template, of a category, or of an item (and which field).</summary>
public sealed record TemplateProblem(string Code, string Message, Guid? CategoryId, Guid? ItemId, ItemField? Field);
