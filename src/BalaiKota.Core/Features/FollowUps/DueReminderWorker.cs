using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BalaiKota.Core.Features.FollowUps;

/// <summary>Makes the due and overdue reminders at start-up and then every hour; a failed round is logged and tried again next hour.</summary>
public sealed class DueReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DueReminderWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var made = await scope.ServiceProvider.GetRequiredService<NotificationService>().CreateDueRemindersAsync(stoppingToken);
                logger.LogInformation("Made {Count} due and overdue reminders.", made);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not make the due and overdue reminders; trying again in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
