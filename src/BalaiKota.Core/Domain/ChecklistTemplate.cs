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
        var item = Items.SingleOrDefault(i => i.Id == itemId)
            ?? throw new DomainException("template.itemMissing", "Butir tidak ditemukan di templat ini.");
        Guard.That(Items.All(i => i.Id == itemId || i.Code != definition.Code), "template.itemCode", $"Kode butir '{definition.Code}' sudah dipakai di templat ini.");
        item.Apply(definition);
    }

    public void RemoveItem(Guid itemId)
    {
        EnsureDraft();
        foreach (var category in _categories)
        {
            if (category.RemoveItem(itemId))
            {
                return;
            }
        }

        throw new DomainException("template.itemMissing", "Butir tidak ditemukan di templat ini.");
    }

    public void Publish(DateTime nowUtc)
    {
        EnsureDraft();
        Guard.That(Items.Any(), "template.empty", "Templat tanpa butir tidak dapat diterbitkan.");
        Status = TemplateStatus.Published;
        PublishedAt = nowUtc;
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

    internal bool RemoveItem(Guid itemId) => _items.RemoveAll(i => i.Id == itemId) > 0;
}
