namespace BalaiKota.Core.Domain;

/// <summary>A calendar week in WIB, Monday to Sunday: the week of the inspector's home and of the tasks due this week.</summary>
public readonly record struct WibWeek
{
    private WibWeek(DateOnly monday) => FirstDay = monday;

    /// <summary>The Monday the week starts on.</summary>
    public DateOnly FirstDay { get; }

    /// <summary>The Sunday the week ends on.</summary>
    public DateOnly LastDay => FirstDay.AddDays(6);

    /// <summary>The Monday after the week: the week is [FirstDay, EndDay).</summary>
    public DateOnly EndDay => FirstDay.AddDays(7);

    /// <summary>The week that holds a WIB day.</summary>
    public static WibWeek Containing(DateOnly day) => new(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)));

    /// <summary>The week that holds today in WIB.</summary>
    public static WibWeek Current(TimeProvider clock) => Containing(Wib.Today(clock));

    public bool Contains(DateOnly day) => day >= FirstDay && day < EndDay;
}
