"""Need-to-know for the rehabilitation team (docs/decisions/0007-reform-pathways.md).

- A rehab-team member reads a case only while it is on the agenda of a meeting of a team they are an active
  member of (accounts.access.can_read_case asks `on_members_agenda`); they change no case data, but record the
  team's minutes, attendance and recommendations through the meeting gate below.
- Caseworkers, team leaders and lawyers/auditors of the municipality read the municipality's meetings (the agenda
  lists citizens: every listing is access-logged). A caseworker puts a case of their own team on an agenda.
- Meetings of another municipality are "not found".
"""

from evne.accounts.access import can_read_cases, log_listing
from evne.accounts.models import AccessAction, AccessChannel, Role, User
from evne.errors import AccessDenied, NotFound

from .models import RehabMeeting, RehabTeam


def is_member(user: User, team: RehabTeam) -> bool:
    return team.members.filter(user=user, active=True).exists()


def on_members_agenda(user: User, case) -> bool:
    """Is the case on the agenda of a meeting of a team the user is an active member of?"""
    return case.rehab_agenda_items.filter(
        meeting__team__members__user=user, meeting__team__members__active=True
    ).exists()


def can_read_team(user: User, team: RehabTeam) -> bool:
    if not (can_read_cases(user) and team.municipality_id == user.municipality_id):
        return False
    return user.role != Role.REHAB_MEMBER or is_member(user, team)


def can_manage_team(user: User, team: RehabTeam) -> bool:
    """Members of the team, and team leaders of the municipality, hold meetings and record recommendations."""
    if not can_read_team(user, team):
        return False
    return user.role == Role.TEAM_LEADER or is_member(user, team)


def access_team(*, user: User, team_id: int, write: bool = False) -> RehabTeam:
    team = RehabTeam.objects.filter(pk=team_id).first()
    if team is None or not can_read_team(user, team):
        raise NotFound
    if write and not can_manage_team(user, team):
        raise AccessDenied
    return team


def access_meeting(
    *, user: User, meeting_id: int, write: bool = False, channel: str = AccessChannel.WEB
) -> RehabMeeting:
    """The only way to a meeting. Its agenda names citizens: every case on it is logged as listed."""
    meeting = RehabMeeting.objects.select_related("team").filter(pk=meeting_id).first()
    if meeting is None or not can_read_team(user, meeting.team):
        raise NotFound
    if write and not can_manage_team(user, meeting.team):
        raise AccessDenied
    cases = [item.case for item in meeting.items.select_related("case")]
    log_listing(user=user, cases=cases, channel=channel, action=AccessAction.LIST, detail=f"rehab meeting {meeting.pk}")
    return meeting
