using BalaiKota.Core.Domain;

namespace BalaiKota.Web.Tests.Http;

/// <summary>The demo data's one account per role, signed in with <see cref="BalaiKotaWebFactory.DemoPassword"/>.</summary>
internal static class DemoAccounts
{
    public static IReadOnlyDictionary<string, string> Emails { get; } = new Dictionary<string, string>
    {
        [Roles.Administrator] = "admin@balaikota.test",
        [Roles.Inspector] = "peninjau@balaikota.test",
        [Roles.Secretariat] = "sekretariat@balaikota.test",
        [Roles.Leadership] = "pimpinan@balaikota.test",
        [Roles.RepairUnit] = "pelaksana@balaikota.test",
    };
}
