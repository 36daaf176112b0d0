namespace BalaiKota.Core.Domain;

/// <summary>Closets required for a number of workers (Permenaker 5/2018, from a secondary summary).</summary>
public static class ToiletRatio
{
    private static readonly (int UpToWorkers, int Closets)[] Steps =
        [(15, 1), (30, 2), (45, 3), (60, 4), (80, 5), (100, 6)];

    public static int RequiredClosets(int workers)
    {
        Guard.That(workers >= 0, "toilet.workers", "Jumlah pegawai tidak boleh negatif.");
        if (workers == 0)
        {
            return 0;
        }

        foreach (var (upTo, closets) in Steps)
        {
            if (workers <= upTo)
            {
                return closets;
            }
        }

        // Above 100 workers: one more closet for each started group of 40.
        return 6 + (int)Math.Ceiling((workers - 100) / 40.0);
    }
}
