using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using static WorkingGroups.UnitTests.Groups.KazakhGroup;

namespace WorkingGroups.UnitTests.Groups;

/// <summary>Who was in the group on a date, after renames, new representatives, bodies joining and leaving.</summary>
public sealed class CompositionTests
{
    [Fact]
    public void The_founded_group_has_the_definitions_members_that_accepted_with_their_nominees()
    {
        var composition = Founded().CompositionOn(D("2025-12-29"));

        Assert.Equal(8, composition.Bodies.Count); // nine member bodies, WIC declined
        Assert.DoesNotContain(composition.Bodies, b => b.BodyId == "wic");
        Assert.DoesNotContain(composition.Bodies, b => b.BodyId == "mes"); // approves, but has no role in the group
        var isc = composition.Bodies[0];
        Assert.Equal("isc-mes", isc.BodyId); // chairs first, in the definition's order
        Assert.Equal([BodyRole.Chair, BodyRole.Secretary, BodyRole.Member], isc.Roles);
        Assert.Null(isc.Representative); // the lead body was not invited: nobody nominated yet
        var cerc = composition.Bodies.Single(b => b.BodyId == "cerc-menr");
        Assert.Equal("Representative of cerc-menr", cerc.Representative!.Name);
        Assert.Equal(D("2025-12-29"), cerc.MemberSince);
    }

    [Fact]
    public void Nobody_is_a_member_before_the_group_was_established()
    {
        Assert.Empty(Founded().CompositionOn(D("2025-12-28")).Bodies);
    }

    [Fact]
    public void A_past_date_shows_the_old_name_and_members_after_a_rename_and_an_added_body()
    {
        var group = Founded();
        group.RenameBody("isc-mes", Name("Industrial Safety Committee of the Ministry of Industry", "Комитет промышленной безопасности Министерства промышленности"), D("2026-03-01"));
        group.AddBody("health", Name("Ministry of Health", "Министерство здравоохранения"), [BodyRole.Member],
            new Nominee("Aigerim Example", "Chief sanitary doctor", "health.rep@example.org"), D("2026-05-15"));

        var before = group.CompositionOn(D("2026-02-28"));
        Assert.Equal("Industrial Safety Committee of the MES", before.Bodies.Single(b => b.BodyId == "isc-mes").Name.Get("en"));
        Assert.DoesNotContain(before.Bodies, b => b.BodyId == "health");

        var between = group.CompositionOn(D("2026-03-01"));
        Assert.Equal("Industrial Safety Committee of the Ministry of Industry", between.Bodies.Single(b => b.BodyId == "isc-mes").Name.Get("en"));
        Assert.Equal(D("2025-12-29"), between.Bodies.Single(b => b.BodyId == "isc-mes").MemberSince); // a rename is not a new membership
        Assert.DoesNotContain(between.Bodies, b => b.BodyId == "health");

        var after = group.CompositionOn(D("2026-06-01"));
        Assert.Equal(9, after.Bodies.Count);
        Assert.Equal("Aigerim Example", after.Bodies.Single(b => b.BodyId == "health").Representative!.Name);
    }

    [Fact]
    public void A_new_representative_ends_the_previous_ones_term()
    {
        var group = Founded();
        group.ChangeRepresentative("cwr-menr", new Nominee("New Person", "Deputy chairman", "new@example.org"), D("2026-04-01"));

        Assert.Equal("Representative of cwr-menr", group.CompositionOn(D("2026-03-31")).Bodies.Single(b => b.BodyId == "cwr-menr").Representative!.Name);
        Assert.Equal("New Person", group.CompositionOn(D("2026-04-01")).Bodies.Single(b => b.BodyId == "cwr-menr").Representative!.Name);
        Assert.Equal(2, group.Representatives.Count(r => r.BodyId == "cwr-menr"));
    }

    [Fact]
    public void A_withdrawn_body_leaves_on_the_date_but_keeps_its_history()
    {
        var group = Founded();
        group.WithdrawBody("dmc-mfa", D("2026-09-01"));

        Assert.Contains(group.CompositionOn(D("2026-08-31")).Bodies, b => b.BodyId == "dmc-mfa");
        Assert.DoesNotContain(group.CompositionOn(D("2026-09-01")).Bodies, b => b.BodyId == "dmc-mfa");
        Assert.Equal("Department of Multilateral Cooperation of the MFA", group.NameOn("dmc-mfa", D("2027-01-01")).Get("en"));

        // It may join again later.
        group.AddBody("dmc-mfa", group.NameOn("dmc-mfa", D("2027-01-01")), [BodyRole.Observer], null, D("2027-02-01"));
        Assert.Equal([BodyRole.Observer], group.CompositionOn(D("2027-02-01")).Bodies.Single(b => b.BodyId == "dmc-mfa").Roles);
    }

    [Fact]
    public void Changes_that_break_the_history_are_refused_with_their_rule()
    {
        var group = Founded();
        Assert.Equal("effective-not-after-current",
            Assert.Throws<DomainRuleException>(() => group.RenameBody("isc-mes", Name("x", "x"), D("2025-12-29"))).Code);
        Assert.Equal("body-not-in-group",
            Assert.Throws<DomainRuleException>(() => group.RenameBody("nobody", Name("x", "x"), D("2026-01-10"))).Code);
        Assert.Equal("body-not-member-on",
            Assert.Throws<DomainRuleException>(() => group.ChangeRepresentative("isc-mes", new Nominee("A", null, null), D("2025-12-01"))).Code);
        Assert.Equal("body-already-member",
            Assert.Throws<DomainRuleException>(() => group.AddBody("iwac", Name("x", "x"), [BodyRole.Member], null, D("2026-01-10"))).Code);
        Assert.Equal("date-before-establishment",
            Assert.Throws<DomainRuleException>(() => group.AddBody("health", Name("x", "x"), [BodyRole.Member], null, D("2025-01-10"))).Code);
    }

    [Fact]
    public void The_chairs_are_the_chair_and_co_chair_bodies_of_the_day()
    {
        Assert.Equal(["cerc-menr", "isc-mes"], Founded().ChairsOn(D("2026-01-01")).Order(StringComparer.Ordinal));
    }
}
