using Screener.Commands;

namespace Screener.Tests.Commands;

public sealed class CommandLineSpec
{
    [Theory]
    [InlineData("20s", 20_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5m", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:20", 20_000)]
    public void CommandLine_must_read_durations_in_the_units_users_type(string text, double expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), CommandLine.Parse(["demo", "--duration", text]).Duration("duration"));

    [Fact]
    public void CommandLine_must_reject_an_option_no_command_reads()
    {
        var cl = CommandLine.Parse(["demo", "--durration", "20s"]);
        cl.Duration("duration");
        var error = Assert.Throws<UsageException>(cl.RejectUnknown);
        Assert.Contains("--durration", error.Message);
    }

    [Fact]
    public void CommandLine_must_name_the_option_and_value_it_cannot_read()
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(["demo", "--duration", "soon"]).Duration("duration"));
        Assert.Contains("--duration", error.Message);
        Assert.Contains("soon", error.Message);
        Assert.Throws<UsageException>(() => CommandLine.Parse(["demo", "--seed", "x"]).Int("seed"));
        Assert.Throws<UsageException>(() => CommandLine.Parse(["demo", "--seed", "1", "--seed", "2"]));
    }

    [Fact]
    public async Task Program_must_exit_with_2_and_say_why_on_bad_usage()
    {
        Assert.Equal(2, await Program.Main(["frobnicate"]));
        Assert.Equal(2, await Program.Main(["demo", "--duration", "0s"]));
        Assert.Equal(2, await Program.Main(["journal", "stats", "--db", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db")]));
        Assert.Equal(0, await Program.Main(["help"]));
    }
}
