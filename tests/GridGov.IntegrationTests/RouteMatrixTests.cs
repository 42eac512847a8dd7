using GridGov.Modules.Accounts.Contracts;
using GridGov.Modules.Audit.Contracts;
using GridGov.Modules.Cockpit.Contracts;
using GridGov.Modules.FieldWork.Contracts;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Targets.Contracts;
using GridGov.Modules.Incidents.Contracts;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Contracts;
using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Security;
using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>
/// The routes the tree matrix (<see cref="AccessMatrixTests"/>) does not reach: incidents and their
/// configuration, notices, imports, Open311, accounts and audit. Every role × an incident on a grid
/// of its own county and one in another county. One rule: the permission the route asks for, or
/// 403; an incident the caller cannot see (outside the view scope, or for a department handler not
/// dispatched to their department), 404, the same as one that does not exist; otherwise the route's
/// own answer to the request sent.
/// </summary>
public abstract class RouteMatrixTests(GridGovApp app)
{
    public enum Where { Own, Outside }

    public sealed record Context(int IncidentId, string IncidentPath);

    public sealed record Row(string Name, HttpMethod Method, Func<Context, string> Url, Func<CurrentUser, bool> Allowed, HttpStatusCode[] Answers,
        bool OnIncident = false, Func<Context, HttpContent?>? Body = null);

    private static Func<CurrentUser, bool> Any(params Permission[] permissions) => u => permissions.Any(u.Has);

    private static readonly Func<CurrentUser, bool> Everyone = _ => true;

    private static HttpContent Json(object body) => JsonContent.Create(body);

    private static HttpStatusCode[] S(params HttpStatusCode[] codes) => codes;

    public static readonly Row[] Rows =
    [
        new("incidents.report", HttpMethod.Post, _ => "/api/v1/incidents", Any(IncidentPermissions.Report), S(HttpStatusCode.BadRequest), Body: _ => Json(new { categoryCode = "" })),
        new("incidents.list", HttpMethod.Get, _ => "/api/v1/incidents", Any(IncidentPermissions.View, IncidentPermissions.Handle), S(HttpStatusCode.OK)),
        new("incidents.bulk", HttpMethod.Post, _ => "/api/v1/incidents/bulk-steps", Any(IncidentPermissions.Dispatch), S(HttpStatusCode.OK),
            Body: _ => Json(new { ids = new[] { 999999999 }, action = "Accept" })),
        new("incidents.metrics", HttpMethod.Get, _ => "/api/v1/incidents/metrics", Any(IncidentPermissions.View), S(HttpStatusCode.OK, HttpStatusCode.NotFound)),
        new("incident.get", HttpMethod.Get, c => $"/api/v1/incidents/{c.IncidentId}", Any(IncidentPermissions.View, IncidentPermissions.Handle), S(HttpStatusCode.OK), OnIncident: true),
        new("incident.step", HttpMethod.Post, c => $"/api/v1/incidents/{c.IncidentId}/steps", Any(IncidentPermissions.View, IncidentPermissions.Handle),
            S(HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest), OnIncident: true, Body: _ => Json(new { action = "VerifyPass", version = 0 })),
        new("incident.photo", HttpMethod.Get, c => $"/api/v1/incidents/{c.IncidentId}/photos/none.jpg", Any(IncidentPermissions.View, IncidentPermissions.Handle),
            S(HttpStatusCode.NotFound), OnIncident: true),
        new("photos.upload", HttpMethod.Post, _ => "/api/v1/incidents/photos", Any(IncidentPermissions.Report, IncidentPermissions.Handle, IncidentPermissions.Verify),
            S(HttpStatusCode.UnsupportedMediaType), Body: _ => Photo()),
        new("categories.list", HttpMethod.Get, _ => "/api/v1/incident-categories", Everyone, S(HttpStatusCode.OK)),
        new("categories.put", HttpMethod.Put, _ => "/api/v1/incident-categories/ZZ.MATRIX", Any(PlatformPermissions.SharedReferenceData), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { parentCode = "ZZ", name = "x", englishName = "x" })),
        new("departments.list", HttpMethod.Get, _ => "/api/v1/departments", Everyone, S(HttpStatusCode.OK)),
        new("routing.list", HttpMethod.Get, _ => "/api/v1/routing-rules", Any(IncidentPermissions.View), S(HttpStatusCode.OK)),
        new("routing.put", HttpMethod.Put, _ => "/api/v1/routing-rules", Any(IncidentPermissions.Configure), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { categoryCode = "", areaCode = "" })),
        new("calendar.get", HttpMethod.Get, _ => "/api/v1/calendar/2026", Everyone, S(HttpStatusCode.OK)),
        new("calendar.put", HttpMethod.Put, _ => "/api/v1/calendar/days/2026-12-31", Any(PlatformPermissions.SystemSettings), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { kind = "Holiday", name = "" })),
        new("calendar.delete", HttpMethod.Delete, _ => "/api/v1/calendar/days/2031-01-09", Any(PlatformPermissions.SystemSettings), S(HttpStatusCode.NotFound)),
        new("notices.inbox", HttpMethod.Get, _ => "/api/v1/notices", Everyone, S(HttpStatusCode.OK)),
        new("notices.read", HttpMethod.Post, _ => "/api/v1/notices/999999999/read", Everyone, S(HttpStatusCode.NotFound)),
        new("cockpit", HttpMethod.Get, _ => "/api/v1/cockpit", Any(GridGov.Modules.Cockpit.Contracts.CockpitPermissions.View), S(HttpStatusCode.OK)),
        new("figures.catalogue", HttpMethod.Get, _ => "/api/v1/figures", Everyone, S(HttpStatusCode.OK)),
        new("figures.values", HttpMethod.Get, _ => "/api/v1/figures/values", Everyone, S(HttpStatusCode.BadRequest)),
        new("tallies.check", HttpMethod.Get, _ => "/api/v1/tallies/check", Any(PlatformPermissions.SystemSettings), S(HttpStatusCode.OK)),
        new("notices.unread", HttpMethod.Get, _ => "/api/v1/notices/unread-count", Everyone, S(HttpStatusCode.OK)),
        new("notices.readAll", HttpMethod.Post, _ => "/api/v1/notices/read-all", Everyone, S(HttpStatusCode.OK)),
        new("imports.template", HttpMethod.Get, _ => "/api/v1/imports/template", Everyone, S(HttpStatusCode.OK)),
        new("imports.upload", HttpMethod.Post, _ => "/api/v1/imports", Any(PeoplePermissions.Manage), S(HttpStatusCode.BadRequest), Body: _ => Csv()),
        new("imports.preview", HttpMethod.Get, _ => "/api/v1/imports/00000000000000000000000000000000", Any(PeoplePermissions.Manage), S(HttpStatusCode.NotFound)),
        new("imports.commit", HttpMethod.Post, _ => "/api/v1/imports/00000000000000000000000000000000/commit", Any(PeoplePermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { })),
        new("open311Clients.list", HttpMethod.Get, _ => "/api/v1/open311-clients", Any(IncidentPermissions.Configure), S(HttpStatusCode.OK)),
        new("open311Clients.issue", HttpMethod.Post, _ => "/api/v1/open311-clients", Any(IncidentPermissions.Configure), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { name = "", areaCode = "" })),
        new("open311Clients.revoke", HttpMethod.Post, _ => "/api/v1/open311-clients/999999999/revoke", Any(IncidentPermissions.Configure), S(HttpStatusCode.NotFound)),
        new("open311.services", HttpMethod.Get, _ => "/open311/v2/services.json", Everyone, S(HttpStatusCode.OK)),
        // GeoReport's reads are public (and carry no personal data): every role, in or out of scope, and anonymous clients (Open311Tests).
        new("open311.requests", HttpMethod.Get, _ => "/open311/v2/requests.xml", Everyone, S(HttpStatusCode.OK)),
        new("open311.request", HttpMethod.Get, c => $"/open311/v2/requests/{c.IncidentId}.json", Everyone, S(HttpStatusCode.OK)),
        new("open311.post", HttpMethod.Post, _ => "/open311/v2/requests.json", Any(IncidentPermissions.Report), S(HttpStatusCode.BadRequest),
            Body: _ => new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "" })),
        new("users.get", HttpMethod.Get, _ => "/api/v1/users/no-such-id", Any(AccountPermissions.UsersView), S(HttpStatusCode.NotFound)),
        new("users.put", HttpMethod.Put, _ => "/api/v1/users/no-such-id", Any(AccountPermissions.UsersManage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { userName = "x", displayName = "x", roles = new[] { "GridWorker" }, captureScopeCode = "141127000000" })),
        new("users.unlock", HttpMethod.Post, _ => "/api/v1/users/no-such-id/unlock", Any(AccountPermissions.UsersManage), S(HttpStatusCode.NotFound)),
        new("auth.password", HttpMethod.Post, _ => "/api/v1/auth/password", Everyone, S(HttpStatusCode.BadRequest), Body: _ => Json(new { currentPassword = "", newPassword = "" })),
        new("auth.mfa.setup", HttpMethod.Get, _ => "/api/v1/auth/mfa", Everyone, S(HttpStatusCode.OK)),
        new("auth.mfa.enable", HttpMethod.Post, _ => "/api/v1/auth/mfa", Everyone, S(HttpStatusCode.BadRequest), Body: _ => Json(new { code = "000000x" })),
        new("signIns.list", HttpMethod.Get, _ => "/api/v1/sign-in-events", Any(AuditPermissions.View), S(HttpStatusCode.OK)),
        new("audit.chain", HttpMethod.Get, _ => "/api/v1/audit/chain", Any(AuditPermissions.Verify), S(HttpStatusCode.OK)),
        new("reviews.decide", HttpMethod.Post, _ => "/api/v1/duplicate-reviews/999999999/decide", Any(PeoplePermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { decision = "Merged" })),
        new("territory.nodes", HttpMethod.Get, _ => "/api/v1/territory/nodes", Any(TerritoryPermissions.View), S(HttpStatusCode.OK)),
        new("person.move", HttpMethod.Post, _ => "/api/v1/people/999999999/move", Any(PeoplePermissions.Manage), S(HttpStatusCode.NotFound), Body: _ => Json(new { householdId = 1 })),
        new("person.endTag", HttpMethod.Post, _ => "/api/v1/people/999999999/tags/1/end", Any(PeoplePermissions.Manage), S(HttpStatusCode.NotFound)),
        new("keyPlace.put", HttpMethod.Put, _ => "/api/v1/key-places/999999999", Any(PeoplePermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { name = "x", kind = "School", address = "x", contactName = "x", version = 0 })),
        new("field.today", HttpMethod.Get, _ => "/api/v1/field/today", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("field.plans.create", HttpMethod.Post, _ => "/api/v1/field/plans", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { subjectKind = "Person", subjectId = 999999999, purpose = "Routine", anchor = "2026-12-01" })),
        new("field.plans.list", HttpMethod.Get, _ => "/api/v1/field/plans", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("field.plan.get", HttpMethod.Get, _ => "/api/v1/field/plans/999999999", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("field.plan.stop", HttpMethod.Post, _ => "/api/v1/field/plans/999999999/stop", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { reason = "x" })),
        new("field.care.put", HttpMethod.Put, _ => "/api/v1/field/households/999999999/care", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { worker = "x" })),
        new("field.visits.record", HttpMethod.Post, _ => "/api/v1/field/visits", Any(FieldWorkPermissions.Record), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { subjectKind = "Person", subjectId = 999999999, outcome = "Met" })),
        new("field.visits.list", HttpMethod.Get, _ => "/api/v1/field/visits", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("field.visits.export", HttpMethod.Get, _ => "/api/v1/field/visits/export", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("field.visit.get", HttpMethod.Get, _ => "/api/v1/field/visits/999999999", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("field.photos", HttpMethod.Post, _ => "/api/v1/field/photos", Any(FieldWorkPermissions.Record), S(HttpStatusCode.UnsupportedMediaType), Body: _ => Photo()),
        new("field.visit.photo", HttpMethod.Get, _ => "/api/v1/field/visits/999999999/photos/none.png", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("campaign.answers", HttpMethod.Get, _ => "/api/v1/campaigns/999999999/answers", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("campaign.taggings", HttpMethod.Get, _ => "/api/v1/campaigns/999999999/taggings", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("campaign.taggings.propose", HttpMethod.Post, _ => "/api/v1/campaigns/999999999/taggings", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { questionKey = "q1", answer = "yes", tagCode = "returnee" })),
        new("campaign.tagging.decide", HttpMethod.Post, _ => "/api/v1/campaigns/999999999/taggings/1/decision", Any(FieldWorkPermissions.Review),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { approve = true })),
        new("duty.shifts", HttpMethod.Get, _ => "/api/v1/communities/141199999999/shifts", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("duty.shifts.plan", HttpMethod.Post, _ => "/api/v1/communities/141199999999/shifts", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { on = "2026-12-01", kind = "Day", leader = "x", onDuty = "x" })),
        new("duty.handover", HttpMethod.Post, _ => "/api/v1/duty-shifts/999999999/handover", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { note = "x" })),
        new("duty.notices", HttpMethod.Get, _ => "/api/v1/communities/141199999999/notices", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("duty.notices.post", HttpMethod.Post, _ => "/api/v1/communities/141199999999/notices", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { kind = "Door", title = "x", text = "x" })),
        new("duty.status", HttpMethod.Get, _ => "/api/v1/communities/141199999999/epidemic-free", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("duty.status.attain", HttpMethod.Post, _ => "/api/v1/communities/141199999999/epidemic-free", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { conditions = new[] { "x" } })),
        new("duty.status.lose", HttpMethod.Post, _ => "/api/v1/communities/141199999999/epidemic-free/lose", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { reason = "x" })),
        new("field.proposals", HttpMethod.Get, _ => "/api/v1/field/proposals", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("field.proposal.decide", HttpMethod.Post, _ => "/api/v1/field/proposals/999999999/decision", Any(FieldWorkPermissions.Review),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { confirm = true })),
        new("field.figures", HttpMethod.Get, _ => "/api/v1/field/figures", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("campaigns.create", HttpMethod.Post, _ => "/api/v1/campaigns", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { name = "", areaCode = "", population = "Households" })),
        new("campaigns.list", HttpMethod.Get, _ => "/api/v1/campaigns", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("campaign.get", HttpMethod.Get, _ => "/api/v1/campaigns/999999999", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("campaign.start", HttpMethod.Post, _ => "/api/v1/campaigns/999999999/start", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound)),
        new("campaign.close", HttpMethod.Post, _ => "/api/v1/campaigns/999999999/close", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound)),
        new("campaign.coverage", HttpMethod.Get, _ => "/api/v1/campaigns/999999999/coverage", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("campaign.subjects", HttpMethod.Get, _ => "/api/v1/campaigns/999999999/subjects", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("campaign.subject", HttpMethod.Get, _ => "/api/v1/campaigns/999999999/subjects/1", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("campaign.subject.step", HttpMethod.Post, _ => "/api/v1/campaigns/999999999/subjects/1/steps", Any(FieldWorkPermissions.View),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { action = "Complete" })),
        new("watches.open", HttpMethod.Post, _ => "/api/v1/watches", Any(FieldWorkPermissions.Plan), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { personId = 999999999, type = "HealthMonitoring", from = "2026-12-01", to = "2026-12-14", reason = "x", orderedBy = "x" })),
        new("watches.list", HttpMethod.Get, _ => "/api/v1/watches", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("watches.counts", HttpMethod.Get, _ => "/api/v1/watches/counts", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("watch.get", HttpMethod.Get, _ => "/api/v1/watches/999999999", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("watch.step", HttpMethod.Post, _ => "/api/v1/watches/999999999/steps", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { action = "Support", suppliesEnsured = true })),
        new("services.ask", HttpMethod.Post, _ => "/api/v1/services", Any(FieldWorkPermissions.Record), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { kind = "Other", need = "x", requester = "x", householdId = 999999999 })),
        new("services.list", HttpMethod.Get, _ => "/api/v1/services", Any(FieldWorkPermissions.View), S(HttpStatusCode.OK)),
        new("service.get", HttpMethod.Get, _ => "/api/v1/services/999999999", Any(FieldWorkPermissions.View), S(HttpStatusCode.NotFound)),
        new("service.step", HttpMethod.Post, _ => "/api/v1/services/999999999/steps", Any(FieldWorkPermissions.Record), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { action = "Take" })),
        new("training.programmes.create", HttpMethod.Post, _ => "/api/v1/training/programmes", Any(TrainingPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { name = "", kind = "Universal", areaCode = "" })),
        new("training.programmes.list", HttpMethod.Get, _ => "/api/v1/training/programmes", Any(TrainingPermissions.View), S(HttpStatusCode.OK)),
        new("training.programme.get", HttpMethod.Get, _ => "/api/v1/training/programmes/999999999", Any(TrainingPermissions.View), S(HttpStatusCode.NotFound)),
        new("training.programme.rules", HttpMethod.Post, _ => "/api/v1/training/programmes/999999999/rules", Any(TrainingPermissions.Manage),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { })),
        new("training.programme.eligibility", HttpMethod.Get, _ => "/api/v1/training/programmes/999999999/eligibility", Any(TrainingPermissions.View),
            S(HttpStatusCode.NotFound)),
        new("training.programme.eligibility.count", HttpMethod.Get, _ => "/api/v1/training/programmes/999999999/eligibility/count", Any(TrainingPermissions.View),
            S(HttpStatusCode.NotFound)),
        new("training.programme.eligibility.person", HttpMethod.Get, _ => "/api/v1/training/programmes/999999999/eligibility/1", Any(TrainingPermissions.View),
            S(HttpStatusCode.NotFound)),
        new("training.programme.issue", HttpMethod.Post, _ => "/api/v1/training/programmes/999999999/vouchers", Any(TrainingPermissions.Manage),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { personId = 1 })),
        new("training.programme.issueEligible", HttpMethod.Post, _ => "/api/v1/training/programmes/999999999/issue-eligible", Any(TrainingPermissions.Manage),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { })),
        new("training.vouchers.list", HttpMethod.Get, _ => "/api/v1/training/vouchers", Any(TrainingPermissions.View, TrainingPermissions.Provide, CockpitPermissions.View), S(HttpStatusCode.OK)),
        new("training.voucher.get", HttpMethod.Get, _ => "/api/v1/training/vouchers/999999999", Any(TrainingPermissions.View, TrainingPermissions.Provide, CockpitPermissions.View),
            S(HttpStatusCode.NotFound)),
        new("training.voucher.step", HttpMethod.Post, _ => "/api/v1/training/vouchers/999999999/steps", Any(TrainingPermissions.Review), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { action = "Review" })),
        new("training.redemptions", HttpMethod.Post, _ => "/api/v1/training/redemptions", Any(TrainingPermissions.Provide), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { code = "x", classId = 1 })),
        new("training.providers.create", HttpMethod.Post, _ => "/api/v1/training/providers", Any(TrainingPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { name = "", areaCode = "" })),
        new("training.providers.list", HttpMethod.Get, _ => "/api/v1/training/providers", Any(TrainingPermissions.View, TrainingPermissions.Provide), S(HttpStatusCode.OK)),
        new("training.provider.get", HttpMethod.Get, _ => "/api/v1/training/providers/999999999", Any(TrainingPermissions.View, TrainingPermissions.Provide),
            S(HttpStatusCode.NotFound)),
        new("training.provider.put", HttpMethod.Put, _ => "/api/v1/training/providers/999999999", Any(TrainingPermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { name = "x", creditCode = "x", areaCode = "x", contact = "x", occupations = Array.Empty<object>() })),
        new("training.provider.staff", HttpMethod.Put, _ => "/api/v1/training/providers/999999999/staff/nobody", Any(TrainingPermissions.Manage),
            S(HttpStatusCode.NotFound)),
        new("training.classes.create", HttpMethod.Post, _ => "/api/v1/training/classes", Any(TrainingPermissions.Provide), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { kind = "Open", level = "Junior", name = "" })),
        new("training.classes.list", HttpMethod.Get, _ => "/api/v1/training/classes", Any(TrainingPermissions.View, TrainingPermissions.Provide), S(HttpStatusCode.OK)),
        new("training.class.get", HttpMethod.Get, _ => "/api/v1/training/classes/999999999", Any(TrainingPermissions.View, TrainingPermissions.Provide),
            S(HttpStatusCode.NotFound)),
        new("training.class.trainees", HttpMethod.Post, _ => "/api/v1/training/classes/999999999/trainees", Any(TrainingPermissions.Provide),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { idNumber = "x" })),
        new("training.class.attendance", HttpMethod.Post, _ => "/api/v1/training/classes/999999999/attendance", Any(TrainingPermissions.Provide),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { day = "2026-01-05", present = Array.Empty<int>() })),
        new("training.class.finish", HttpMethod.Post, _ => "/api/v1/training/classes/999999999/finish", Any(TrainingPermissions.Provide), S(HttpStatusCode.NotFound)),
        new("training.enrolment.certificate", HttpMethod.Post, _ => "/api/v1/training/enrolments/999999999/certificate", Any(TrainingPermissions.Provide),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { level = "Junior", number = "x" })),
        new("training.batches.create", HttpMethod.Post, _ => "/api/v1/training/payment-batches", Any(TrainingPermissions.Review), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { programmeId = 999999999, providerId = 1 })),
        new("training.batches.list", HttpMethod.Get, _ => "/api/v1/training/payment-batches", Any(TrainingPermissions.View, TrainingPermissions.Provide),
            S(HttpStatusCode.OK)),
        new("training.batch.get", HttpMethod.Get, _ => "/api/v1/training/payment-batches/999999999", Any(TrainingPermissions.View, TrainingPermissions.Provide),
            S(HttpStatusCode.NotFound)),
        new("training.batch.step", HttpMethod.Post, _ => "/api/v1/training/payment-batches/999999999/steps", Any(TrainingPermissions.Review),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { action = "Approve" })),
        new("training.lists.upload", HttpMethod.Post, _ => "/api/v1/training/programmes/999999999/voucher-lists", Any(TrainingPermissions.Manage),
            S(HttpStatusCode.NotFound), Body: _ => Csv()),
        new("training.lists.preview", HttpMethod.Get, _ => "/api/v1/training/programmes/999999999/voucher-lists/00000000000000000000000000000000",
            Any(TrainingPermissions.Manage), S(HttpStatusCode.NotFound)),
        new("training.lists.commit", HttpMethod.Post, _ => "/api/v1/training/programmes/999999999/voucher-lists/00000000000000000000000000000000/commit",
            Any(TrainingPermissions.Manage), S(HttpStatusCode.NotFound), Body: _ => Json(new { })),
        new("training.lists.template", HttpMethod.Get, _ => "/api/v1/training/voucher-lists/template", Everyone, S(HttpStatusCode.OK)),
        new("training.vouchers.export", HttpMethod.Get, _ => "/api/v1/training/vouchers/export", Any(TrainingPermissions.View, TrainingPermissions.Provide, CockpitPermissions.View),
            S(HttpStatusCode.OK)),
        new("training.batch.document", HttpMethod.Get, _ => "/api/v1/training/payment-batches/999999999/document", Any(TrainingPermissions.View, TrainingPermissions.Provide),
            S(HttpStatusCode.NotFound)),
        new("training.enrolment.employment", HttpMethod.Post, _ => "/api/v1/training/enrolments/999999999/employment", Any(TrainingPermissions.Provide),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { employer = "x", employedOn = "2026-01-05", checkedBy = "FollowUpCall" })),
        new("training.trainees", HttpMethod.Get, _ => "/api/v1/training/trainees", Any(TrainingPermissions.View, TrainingPermissions.Provide, CockpitPermissions.View), S(HttpStatusCode.OK)),
        new("training.studios.apply", HttpMethod.Post, _ => "/api/v1/training/studios", Any(TrainingPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { round = 2026, areaCode = "", masterLevel = "Technician" })),
        new("training.studios.list", HttpMethod.Get, _ => "/api/v1/training/studios", Any(TrainingPermissions.View), S(HttpStatusCode.OK)),
        new("training.studio.get", HttpMethod.Get, _ => "/api/v1/training/studios/999999999", Any(TrainingPermissions.View), S(HttpStatusCode.NotFound)),
        new("training.studio.score", HttpMethod.Post, _ => "/api/v1/training/studios/999999999/scores", Any(TrainingPermissions.Review), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { expert = "x", score = 1 })),
        new("training.studios.select", HttpMethod.Post, _ => "/api/v1/training/studios/selection", Any(TrainingPermissions.Review), S(HttpStatusCode.Conflict),
            Body: _ => Json(new { round = 2001, places = 1 })),
        new("training.studio.grant", HttpMethod.Post, _ => "/api/v1/training/studios/999999999/grant", Any(TrainingPermissions.Review), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { reference = "x" })),
        new("training.brand", HttpMethod.Get, _ => "/api/v1/training/brand", Any(TrainingPermissions.View, TrainingPermissions.Provide), S(HttpStatusCode.OK)),
        new("training.brand.station", HttpMethod.Post, _ => "/api/v1/training/brand/stations", Any(TrainingPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { brand = "x", kind = "Office", areaCode = "" })),
        new("training.exports", HttpMethod.Get, _ => "/api/v1/training/exports/Classes", Any(TrainingPermissions.View, TrainingPermissions.Provide), S(HttpStatusCode.OK)),
        new("trainee.claimCode", HttpMethod.Post, _ => "/api/v1/public/voucher-claims/code", Everyone, S(HttpStatusCode.Accepted),
            Body: _ => Json(new { code = "0000-0000-0000", idNumber = "x" })),
        new("trainee.claim", HttpMethod.Post, _ => "/api/v1/public/voucher-claims", Everyone, S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { code = "0000-0000-0000", idNumber = "x", textCode = "000000" })),
        new("trainee.mine", HttpMethod.Get, _ => "/api/v1/public/vouchers/mine", Everyone, S(HttpStatusCode.Unauthorized)),
        new("targets.cycle", HttpMethod.Get, _ => "/api/v1/targets/cycle", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.cycle.change", HttpMethod.Put, _ => "/api/v1/targets/cycle", Any(TargetsPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { office = "" })),
        new("targets.indicators", HttpMethod.Get, _ => "/api/v1/targets/indicators", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.indicators.figures", HttpMethod.Get, _ => "/api/v1/targets/indicators/figures", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.indicators.define", HttpMethod.Post, _ => "/api/v1/targets/indicators", Any(TargetsPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { code = "", name = "", kind = "Count", periods = "Year" })),
        new("targets.list", HttpMethod.Get, _ => "/api/v1/targets", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.get", HttpMethod.Get, _ => "/api/v1/targets/999999999", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.set", HttpMethod.Post, _ => "/api/v1/targets", Any(TargetsPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { indicatorId = 0, periodKind = "Year", within = "2026-01-01", value = 1, source = "x" })),
        new("targets.split", HttpMethod.Post, _ => "/api/v1/targets/999999999/split", Any(TargetsPermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { parts = Array.Empty<object>() })),
        new("targets.revisions", HttpMethod.Get, _ => "/api/v1/targets/999999999/revisions", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.revise", HttpMethod.Post, _ => "/api/v1/targets/999999999/revisions", Any(TargetsPermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { value = 1, reason = "x" })),
        new("targets.revision.decide", HttpMethod.Post, _ => "/api/v1/targets/revisions/999999999/decision", Any(TargetsPermissions.Approve),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { approve = true })),
        new("targets.pledges", HttpMethod.Get, _ => "/api/v1/targets/pledges", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.pledge.get", HttpMethod.Get, _ => "/api/v1/targets/pledges/999999999", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.pledge.draft", HttpMethod.Post, _ => "/api/v1/targets/pledges", Any(TargetsPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { title = "", year = 2026 })),
        new("targets.pledge.scan.upload", HttpMethod.Post, _ => "/api/v1/targets/pledges/scans", Any(TargetsPermissions.Manage),
            S(HttpStatusCode.UnsupportedMediaType), Body: _ => Photo()),
        new("targets.pledge.bind", HttpMethod.Post, _ => "/api/v1/targets/pledges/999999999/targets", Any(TargetsPermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { targetIds = new[] { 1 } })),
        new("targets.pledge.sign", HttpMethod.Post, _ => "/api/v1/targets/pledges/999999999/sign", Any(TargetsPermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { signatories = "x", signedOn = "2026-01-05" })),
        new("targets.pledge.scan", HttpMethod.Get, _ => "/api/v1/targets/pledges/999999999/scan/x.png", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.reported", HttpMethod.Get, _ => "/api/v1/targets/reported-figures", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.reported.enter", HttpMethod.Post, _ => "/api/v1/targets/reported-figures", Any(TargetsPermissions.Report), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { indicatorId = 0, from = "2026-01-01", to = "2026-01-31", numerator = 1, source = "x" })),
        new("targets.reported.decide", HttpMethod.Post, _ => "/api/v1/targets/reported-figures/999999999/decision", Any(TargetsPermissions.Approve),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { approve = true })),
        new("targets.bulletins", HttpMethod.Get, _ => "/api/v1/targets/bulletins", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.bulletin.get", HttpMethod.Get, _ => "/api/v1/targets/bulletins/999999999", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.bulletin.compile", HttpMethod.Post, _ => "/api/v1/targets/bulletins", Any(TargetsPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { weekOf = "2026-01-05", indicatorIds = Array.Empty<int>() })),
        new("targets.bulletin.text", HttpMethod.Put, _ => "/api/v1/targets/bulletins/999999999/text", Any(TargetsPermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { text = "x" })),
        new("targets.bulletin.approve", HttpMethod.Post, _ => "/api/v1/targets/bulletins/999999999/approve", Any(TargetsPermissions.Approve), S(HttpStatusCode.NotFound)),
        new("targets.bulletin.publish", HttpMethod.Post, _ => "/api/v1/targets/bulletins/999999999/publish", Any(TargetsPermissions.Approve), S(HttpStatusCode.NotFound)),
        new("targets.bulletin.docx", HttpMethod.Get, _ => "/api/v1/targets/bulletins/999999999/bulletin.docx", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.bulletin.xlsx", HttpMethod.Get, _ => "/api/v1/targets/bulletins/999999999/bulletin.xlsx", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.board", HttpMethod.Get, _ => "/api/v1/targets/board", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.photos", HttpMethod.Post, _ => "/api/v1/targets/photos", Any(TargetsPermissions.View), S(HttpStatusCode.UnsupportedMediaType), Body: _ => Photo()),
        new("targets.tracked", HttpMethod.Get, _ => "/api/v1/targets/tracked", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.tracked.get", HttpMethod.Get, _ => "/api/v1/targets/tracked/999999999", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.tracked.step", HttpMethod.Post, _ => "/api/v1/targets/tracked/999999999/steps", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { action = "Progress", note = "x" })),
        new("targets.tracked.photo", HttpMethod.Get, _ => "/api/v1/targets/tracked/999999999/photos/x.png", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.meetings", HttpMethod.Get, _ => "/api/v1/targets/meetings", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.meeting.get", HttpMethod.Get, _ => "/api/v1/targets/meetings/999999999", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.meeting.hold", HttpMethod.Post, _ => "/api/v1/targets/meetings", Any(TargetsPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { kind = "MonthlyReview", title = "", heldOn = "2026-01-05", participants = "" })),
        new("targets.meeting.decide", HttpMethod.Post, _ => "/api/v1/targets/meetings/999999999/decisions", Any(TargetsPermissions.Manage), S(HttpStatusCode.NotFound),
            Body: _ => Json(new { title = "x", owner = "x", dueInWorkingDays = 5 })),
        new("targets.inspections", HttpMethod.Get, _ => "/api/v1/targets/inspections", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.inspection.get", HttpMethod.Get, _ => "/api/v1/targets/inspections/999999999", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.inspection.plan", HttpMethod.Post, _ => "/api/v1/targets/inspections", Any(TargetsPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { title = "", team = "", startsOn = "2026-01-05", endsOn = "2026-01-06" })),
        new("targets.inspection.finding", HttpMethod.Post, _ => "/api/v1/targets/inspections/999999999/findings", Any(TargetsPermissions.Manage),
            S(HttpStatusCode.NotFound), Body: _ => Json(new { areaCode = "141127100000", visitedOn = "2026-01-05", text = "x" })),
        new("targets.inspection.close", HttpMethod.Post, _ => "/api/v1/targets/inspections/999999999/close", Any(TargetsPermissions.Approve), S(HttpStatusCode.NotFound)),
        new("targets.inspection.photo", HttpMethod.Get, _ => "/api/v1/targets/inspections/999999999/findings/1/photos/x.png", Any(TargetsPermissions.View),
            S(HttpStatusCode.NotFound)),
        new("targets.policies", HttpMethod.Get, _ => "/api/v1/targets/policies", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.policies.count", HttpMethod.Get, _ => "/api/v1/targets/policies/count", Any(TargetsPermissions.View), S(HttpStatusCode.OK)),
        new("targets.policy.get", HttpMethod.Get, _ => "/api/v1/targets/policies/999999999", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("targets.policy.register", HttpMethod.Post, _ => "/api/v1/targets/policies", Any(TargetsPermissions.Manage), S(HttpStatusCode.BadRequest),
            Body: _ => Json(new { issuingBody = "", number = "", issuedOn = "2026-01-05", title = "" })),
        new("targets.policy.scan", HttpMethod.Get, _ => "/api/v1/targets/policies/999999999/scan/x.png", Any(TargetsPermissions.View), S(HttpStatusCode.NotFound)),
        new("staff.end", HttpMethod.Post, _ => "/api/v1/grids/14112710000130001/staff/999999999/end", Any(TerritoryPermissions.Manage),
            S(HttpStatusCode.NotFound, HttpStatusCode.Forbidden)),
    ];

    /// <summary>Routes no matrix row requests, and why: each is tested where its own behaviour is.</summary>
    public static readonly Dictionary<string, string> CoveredElsewhere = new()
    {
        ["POST /api/v1/auth/token"] = "anonymous by design; answers and limits in AccountTests, SessionTests and SignInLimitTests",
        ["POST /api/v1/auth/logout"] = "ends the caller's own session; SessionTests",
        ["POST /account/logout"] = "ends the caller's own session; SessionTests",
        ["GET /people/export.xlsx"] = "the page twin of /api/v1/people/export; ExportTests and SessionTests",
        ["GET /incidents/export.xlsx"] = "the desk list's Excel export, the page twin of /api/v1/incidents; WorkspaceTests",
        ["GET /people/import/template.xlsx"] = "the page twin of /api/v1/imports/template",
        ["GET /field/visits.xlsx"] = "the page twin of /api/v1/field/visits/export; TargetsTests",
        ["GET /training/vouchers.xlsx"] = "the page twin of /api/v1/training/vouchers/export; TrainingTests",
        ["GET /training/exports/{list}.xlsx"] = "the page twin of /api/v1/training/exports/{list}; TrainingTests",
        ["GET /training/voucher-list-template.xlsx"] = "the page twin of /api/v1/training/voucher-lists/template",
        ["GET /training/batches/{id:int}/document.docx"] = "the page twin of /api/v1/training/payment-batches/{id}/document; TrainingTests and the browser journey",
        ["GET /targets/bulletins/{id:int}/bulletin.docx"] = "the page twin of /api/v1/targets/bulletins/{id}/bulletin.docx; TargetsTests and the browser journey",
        ["GET /targets/bulletins/{id:int}/bulletin.xlsx"] = "the page twin of /api/v1/targets/bulletins/{id}/bulletin.xlsx; TargetsTests",
        ["GET /targets/pledges/{id:int}/scan/{name}"] = "the page twin of /api/v1/targets/pledges/{id}/scan/{name}",
        ["GET /targets/tracked/{id:long}/photos/{name}"] = "the page twin of /api/v1/targets/tracked/{id}/photos/{name}",
        ["GET /targets/supervision/{id:int}/findings/{findingId:long}/photos/{name}"] = "the page twin of /api/v1/targets/inspections/{id}/findings/{findingId}/photos/{name}; TargetsTests",
        ["GET /targets/policies/{id:int}/scan/{name}"] = "the page twin of /api/v1/targets/policies/{id}/scan/{name}",
        ["GET /incidents/{id:int}/photos/{name}"] = "the page twin of /api/v1/incidents/{id}/photos/{name}; IncidentTests",
    };

    private static HttpContent Photo()
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("not a picture"u8.ToArray()), "file", "x.jpg");
        return form;
    }

    private static HttpContent Csv()
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("just,two\n"u8.ToArray()), "file", "x.csv");
        return form;
    }

    public static TheoryData<string> RowNames()
    {
        var data = new TheoryData<string>();
        foreach (var r in Rows) data.Add(r.Name);
        return data;
    }

    private static readonly string[] Users = ["admin", "security", "auditadmin", "county", "township", "community", "gridworker", "department", "auditor", "hrbureau", "provider"];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<GridGovApp, Task<Dictionary<Where, Context>>> Arranged = new();

    /// <summary>One incident on the demo grid worker's grid in Lan County, and one in Liulin County.</summary>
    private Task<Dictionary<Where, Context>> ArrangeAsync() => Arranged.GetOrAdd(app, async _ =>
    {
        var outsideGrid = await Scratch.LevelThreeAsync(app);
        var county = await app.ApiAsync("admin");
        var result = new Dictionary<Where, Context>();
        foreach (var (where, grid) in new[] { (Where.Own, "14112710000130001"), (Where.Outside, outsideGrid) })
        {
            var id = (await county.PostJsonAsync("/api/v1/incidents", new { categoryCode = "SAFE.GAS", description = "矩阵", address = "某处", gridCode = grid, source = "Hotline" },
                HttpStatusCode.Created)).GetProperty("incident").Int("id");
            var path = await app.AsSystemAsync(db => db.Set<Incident>().Where(i => i.Id == id).Select(i => i.Path).SingleAsync());
            result[where] = new Context(id, path);
        }
        return result;
    });

    private async Task<CurrentUser> PermissionsOfAsync(string userName) => await app.AsSystemAsync(async db =>
    {
        var u = await db.Users.SingleAsync(x => x.UserName == userName);
        var roles = await db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var user = new CurrentUser();
        user.SignIn(u.Id, userName, roles, u.CaptureScopePath, u.ViewScopePath, u.DepartmentCode);
        return user;
    });

    [Theory]
    [MemberData(nameof(RowNames))]
    public async Task Each_role_gets_the_answer_its_permissions_and_scope_allow(string rowName)
    {
        app.SkipIfUnavailable();
        var contexts = await ArrangeAsync();
        var row = Rows.Single(r => r.Name == rowName);
        var mismatches = new List<string>();
        foreach (var userName in Users)
        {
            var user = await PermissionsOfAsync(userName);
            var client = await app.ApiAsync(userName);
            foreach (var where in row.OnIncident ? [Where.Own, Where.Outside] : new[] { Where.Own })
            {
                var context = contexts[where];
                // A fresh incident is dispatched to no department: a handler sees none of them.
                var visible = user.CanView(context.IncidentPath) && IncidentPermissions.DepartmentScopeOf(user) is null;
                var expected = !row.Allowed(user) ? [HttpStatusCode.Forbidden]
                    : row.OnIncident && !visible ? [HttpStatusCode.NotFound]
                    : row.Answers;
                var request = new HttpRequestMessage(row.Method, row.Url(context)) { Content = row.Body?.Invoke(context) };
                var response = await client.SendAsync(request);
                if (await DocumentedResponses.MismatchAsync(app, row.Method, row.Url(context), response.StatusCode) is { } undocumented)
                    mismatches.Add(undocumented);
                if (!expected.Contains(response.StatusCode))
                    mismatches.Add($"{userName} × {where}: expected {string.Join("/", expected.Select(e => (int)e))}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RouteMatrixOnSqlite(SqliteApp app) : RouteMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RouteMatrixOnPostgres(PostgresApp app) : RouteMatrixTests(app);
