namespace BalaiKota.Core.Domain;

/// <summary>A processed photo (scaled JPEG and thumbnail); the original is never kept.</summary>
public class Photo
{
    private Photo()
    {
        Content = Thumbnail = [];
        ContentType = UploadedBy = string.Empty;
    }

    public Photo(PhotoKind kind, byte[] content, byte[] thumbnail, int width, int height, string uploadedBy, DateTime uploadedAtUtc, DateTime? takenAtUtc = null)
        : this()
    {
        Guard.That(content.Length > 0 && thumbnail.Length > 0, "photo.empty", "Foto kosong.");
        Guard.That(width is > 0 and <= 1600 && height is > 0 and <= 1600, "photo.size", "Foto harus diperkecil ke paling besar 1600 piksel.");
        Id = Guid.CreateVersion7();
        Kind = kind;
        Content = content;
        Thumbnail = thumbnail;
        ContentType = "image/jpeg";
        Width = width;
        Height = height;
        SizeBytes = content.Length;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAtUtc;
        TakenAt = takenAtUtc;
    }

    public Guid Id { get; private set; }

    public PhotoKind Kind { get; private set; }

    public Guid? AnswerId { get; private set; }

    public Guid? FindingId { get; private set; }

    public Guid? TaskId { get; private set; }

    public byte[] Content { get; private set; }

    public byte[] Thumbnail { get; private set; }

    public string ContentType { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public int SizeBytes { get; private set; }

    public DateTime? TakenAt { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public string UploadedBy { get; private set; }

    public void AttachToFinding(Guid findingId) => Attach(answerId: null, findingId, taskId: null);

    public void AttachToAnswer(Guid answerId) => Attach(answerId, findingId: null, taskId: null);

    public void AttachToTask(Guid taskId) => Attach(answerId: null, findingId: null, taskId);

    private void Attach(Guid? answerId, Guid? findingId, Guid? taskId)
    {
        Guard.That(AnswerId is null && FindingId is null && TaskId is null, "photo.attached", "Foto ini sudah terlampir.");
        AnswerId = answerId;
        FindingId = findingId;
        TaskId = taskId;
    }
}
