using Screener.Sim.Faults;
using Screener.Sim.Server;
using Xunit;

namespace Screener.Sim.Tests.Faults;

public sealed class SimFaultsParseSpec
{
    private const string Everything =
        "disconnect-every=10s,gap-every=5s,silent=ETHUSDT,malformed-every=2s,rest-429-storm=30s,rest-418=2m,pause=3s@20s,slow=50ms,lifetime=20s";

    [Fact]
    public void Parse_must_read_every_fault_of_the_command_line_form()
    {
        var faults = SimFaults.Parse(Everything);
        Assert.Equal(new SimFaults
        {
            DisconnectEvery = TimeSpan.FromSeconds(10),
            GapEvery = TimeSpan.FromSeconds(5),
            SilentSymbols = ["ETHUSDT"],
            MalformedEvery = TimeSpan.FromSeconds(2),
            Rest429Storm = TimeSpan.FromSeconds(30),
            Rest418Ban = TimeSpan.FromMinutes(2),
            PauseFor = TimeSpan.FromSeconds(3),
            PauseAfter = TimeSpan.FromSeconds(20),
            Slow = TimeSpan.FromMilliseconds(50),
            Lifetime = TimeSpan.FromSeconds(20),
        }, faults);
    }

    [Theory]
    [InlineData(Everything, "disconnect-every=10s,gap-every=5s,silent=ETHUSDT,malformed-every=2s,rest-429-storm=30s,rest-418=2m,slow=50ms,pause=3s@20s,lifetime=20s")]
    [InlineData("", "none")]
    [InlineData(" none ", "none")]
    [InlineData("lifetime=24h", "lifetime=1d")]
    [InlineData("slow=1.5s", "slow=1500ms")]
    [InlineData("slow=0.25ms", "slow=0.25ms")]
    [InlineData("Silent=ethusdt; btcusdt , gap-symbol=solusdt, GAP-EVERY=90s", "gap-every=90s,gap-symbol=SOLUSDT,silent=ETHUSDT;BTCUSDT")]
    [InlineData("pause=2s", "pause=2s")]
    [InlineData("pause=2s@0s", "pause=2s")]
    [InlineData("rest-latency=250ms", "rest-latency=250ms")]
    public void Describe_must_write_a_canonical_spec_that_parses_back_to_the_same_faults(string spec, string canonical)
    {
        var faults = SimFaults.Parse(spec);
        Assert.Equal(canonical, faults.Describe());
        Assert.Equal(faults, SimFaults.Parse(faults.Describe()));
        Assert.Equal(faults.GetHashCode(), SimFaults.Parse(faults.Describe()).GetHashCode());
    }

    [Theory]
    [InlineData("gap-every=5x", "'gap-every=5x': '5x' is not a duration")]
    [InlineData("gap-every=five", "'gap-every=five': 'five' is not a duration")]
    [InlineData("slow=-5ms", "'slow=-5ms': '-5ms' is not a duration")]
    [InlineData("bogus=1s", "'bogus=1s': unknown fault 'bogus'; known: rest-latency, disconnect-every")]
    [InlineData("slow", "'slow': expected name=value")]
    [InlineData("slow=", "'slow=': missing value")]
    [InlineData("slow=0s", "'slow=0s': '0s' must be longer than zero")]
    [InlineData("slow=1s,slow=2s", "'slow=2s': 'slow' is given twice")]
    [InlineData("disconnect-every=10s,,slow=1s", "empty part")]
    [InlineData("pause=3s@soon", "'pause=3s@soon': 'soon' is not a duration")]
    [InlineData("silent=ETH USDT", "'silent=ETH USDT': 'ETH USDT' is not a symbol")]
    [InlineData("silent=BTCUSDT;;ETHUSDT", "'silent=BTCUSDT;;ETHUSDT': '' is an empty symbol")]
    public void Parse_must_name_the_bad_part_and_say_why(string spec, string message)
    {
        var error = Assert.Throws<FormatException>(() => SimFaults.Parse(spec));
        Assert.Contains(message, error.Message);
        Assert.StartsWith("Fault spec part '", error.Message);
    }

    [Fact]
    public async Task Faults_must_refuse_values_the_exchange_cannot_honour_at_run_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimFaults { GapEvery = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Throws<ArgumentException>(() => new SimFaults { PauseAfter = TimeSpan.FromSeconds(1) }.Validate());
        Assert.Throws<ArgumentException>(() => new SimFaults { SilentSymbols = ["ethusdt"] }.Validate());
        await using var exchange = await SimExchange.StartAsync(new SimSettings { SymbolCount = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => exchange.Faults = new SimFaults { Slow = TimeSpan.FromSeconds(-1) });
        Assert.Equal(SimFaults.None, exchange.Faults);
        exchange.Faults = SimFaults.Parse("slow=5ms");
        Assert.Equal("slow=5ms", exchange.Faults.Describe());
    }
}
