using CommunityBot.Demo;
using CommunityBot.Intervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Intervision;

public sealed class DemoIntervisionTests
{
    [Fact]
    public async Task The_demo_has_Nestors_group_with_Alex_and_Diego_and_acting_as_Nestor_proposes_to_both()
    {
        var calendar = new FakeCalendar();
        await using var app = await BotApplication.StartAsync(s =>
            {
                s["Demo:Enabled"] = "true";
                s["Demo:TenantId"] = TeamsActivities.TenantId;
            },
            services => services.Replace(ServiceDescriptor.Singleton<IIntervisionCalendar>(calendar)));

        var group = await app.QueryAsync(db => db.Set<IntervisionGroup>().Include(g => g.CoachTheCoach).Include(g => g.Members).ThenInclude(m => m.Person).SingleAsync());
        var alex = new Teams.Schema.ChannelAccount { Id = DemoCommunity.CoachTeamsUserId, Name = "Alex Wilber", AadObjectId = DemoPeople.All[0].AadObjectId };
        await app.PostAsync(app.Teams.Message("act as Nestor", alex));
        await app.PostAsync(app.Teams.Message("intervisie plannen", alex));

        group.Name.ShouldBe(DemoIntervision.GroupName);
        group.CoachTheCoach.DisplayName.ShouldBe(DemoNeighbours.CoachTheCoachName);
        group.Members.Select(m => m.Person.DisplayName).ShouldBe(["Alex Wilber", DemoNeighbours.CoachName], ignoreOrder: true);
        var proposal = await app.QueryAsync(db => db.Set<IntervisionProposal>().Include(p => p.Participants).SingleAsync());
        proposal.Participants.Count.ShouldBe(3);
    }
}
