using ApprovalFlow.Web.Features.Supervision;
using ApprovalFlow.Web.Ui.Supervision;
using MudBlazor.Services;

namespace ApprovalFlow.Ui.Tests.Supervision;

/// <summary>The monthly rankings: last places marked on their indicator, and the meeting each summoned county must explain at.</summary>
public sealed class RankingsTableTests : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudTable's key interceptor may only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public RankingsTableTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static readonly RankingIndicatorInfo[] Indicators =
        [.. RankingIndicators.All.Select(i => new RankingIndicatorInfo(i.Term(), i.Heading(), i.HigherIsBetter() ? "higher" : "lower"))];

    private static CountyRanking County(string code, string name, int overdue, string[] lastOn, MeetingSummons summons, params string[] reasons) =>
        new(code, name, new FigureRow(code, name, 5, overdue, 3, 4.5, 7, 0.5),
            RankingIndicators.All.ToDictionary(i => i.Term(), _ => (int?)1), lastOn, summons.Term(), summons.Heading(), reasons);

    private IRenderedComponent<RankingsTable> Render(params CountyRanking[] counties) =>
        Render<RankingsTable>(p => p.Add(c => c.Rankings, new MonthlyRankings("2026-10", Indicators, counties)));

    [Fact]
    public void A_county_last_on_an_indicator_is_marked_on_that_indicator_only()
    {
        var table = Render(
            County("131102", "桃城区", 0, [], MeetingSummons.None),
            County("131103", "冀州区", 4, ["overdue"], MeetingSummons.None));

        table.Find("[data-testid='ranking-131103-overdue']").GetAttribute("data-last").ShouldBe("true");
        table.Find("[data-testid='ranking-131103-overdue']").TextContent.ShouldContain("4");
        table.Find("[data-testid='ranking-131103-completed']").GetAttribute("data-last").ShouldBe("false");
        table.Find("[data-testid='ranking-131102-overdue']").GetAttribute("data-last").ShouldBe("false");
        table.Find("[data-testid='ranking-131103']").GetAttribute("data-last-on").ShouldBe("overdue");
    }

    [Fact]
    public void Summoned_counties_are_listed_with_their_meeting_and_reasons_and_their_rows_highlighted()
    {
        var table = Render(
            County("131102", "桃城区", 0, [], MeetingSummons.None),
            County("131121", "枣强县", 6, ["overdue"], MeetingSummons.GovernmentExecutiveMeeting, "last on overdue 2 months running"),
            County("131122", "武邑县", 9, ["overdue", "completed"], MeetingSummons.PartyCommitteeMeeting, "last on overdue 3 months running"));

        var government = table.Find("[data-testid='summons-131121']");
        government.GetAttribute("data-summons").ShouldBe("government-executive-meeting");
        government.TextContent.ShouldContain("2 months running");
        var party = table.Find("[data-testid='summons-131122']");
        party.GetAttribute("data-summons").ShouldBe("party-committee-meeting");
        party.TextContent.ShouldContain("3 months running");
        table.FindAll("[data-testid^='summons-1']").Count.ShouldBe(2);

        table.Find("tr.af-summons-government [data-testid='ranking-131121']").ShouldNotBeNull();
        table.Find("tr.af-summons-party [data-testid='ranking-131122']").ShouldNotBeNull();
        table.FindAll("tr.af-summons-government, tr.af-summons-party").Count.ShouldBe(2);
    }

    [Fact]
    public void A_month_without_summons_says_so()
    {
        var table = Render(County("131102", "桃城区", 0, [], MeetingSummons.None));

        table.FindAll("[data-testid^='summons-1']").ShouldBeEmpty();
        table.Find("[data-testid='summons-none']").ShouldNotBeNull();
    }
}
