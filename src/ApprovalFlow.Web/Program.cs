using ApprovalFlow.Engine;
using ApprovalFlow.Web.Common;
using Mediator;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Errors;
using ApprovalFlow.Web.Features.Access;
using ApprovalFlow.Web.Hardening;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Administration;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Backup;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.CaseDiagrams;
using ApprovalFlow.Web.Features.Chasing;
using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Definitions;
using ApprovalFlow.Web.Features.DemoData;
using ApprovalFlow.Web.Features.Designer;
using ApprovalFlow.Web.Features.Documents;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Health;
using ApprovalFlow.Web.Features.Incidents;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Lights;
using ApprovalFlow.Web.Features.Messages;
using ApprovalFlow.Web.Features.Signals;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Features.ProjectLists;
using ApprovalFlow.Web.Features.Reports;
using ApprovalFlow.Web.Features.Supervision;
using ApprovalFlow.Web.Features.Tasks;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Jobs;
using ApprovalFlow.Web.Ui.Shell;

if (args is [AuditCommandLine.Verb, ..])
{
    Environment.ExitCode = await AuditCommandLine.VerifyAsync(args[1..]);
    return;
}
if (args is [BackupCommandLine.Verb, ..])
{
    Environment.ExitCode = await BackupCommandLine.RunAsync(args[1..]);
    return;
}

var builder = WebApplication.CreateBuilder(args);

var database = builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
builder.Services.AddAppIdentity(builder.Configuration);
builder.Services.AddWorkingDayCalendar();
builder.Services.AddWorkflowEngine<AppDbContext>(options =>
{
    // Engine:HistoryRetentionDays: how long ended cases and their history are kept (unset: for ever).
    if (builder.Configuration.GetValue<int?>("Engine:HistoryRetentionDays") is { } days and > 0)
        options.HistoryRetention = TimeSpan.FromDays(days);
    // Engine:MaxStepsPerTransition: a model that loops without a wait state is stopped after this many steps (default 10,000).
    if (builder.Configuration.GetValue<int?>("Engine:MaxStepsPerTransition") is { } steps and > 0)
        options.MaxStepsPerTransition = steps;
});
builder.Services.AddMediator((MediatorOptions options) =>
{
    // Scoped, so handlers take the request's AppDbContext and WorkflowEngine.
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(CommandTransactionBehavior<,>), typeof(AuditBehavior<,>)];
});
// Before the shipped workflows are deployed: the approval contract checks their departments against the table.
builder.Services.AddHostedService<DepartmentSeeder>();
builder.Services.AddAuditLog();
builder.Services.AddCommitments();
builder.Services.AddApprovals();
builder.Services.AddAccessRules();
builder.Services.AddLights();
builder.Services.AddSupervision();
builder.Services.AddReports();
builder.Services.AddChasing();
builder.Services.AddNotifications();
builder.Services.AddDemoData();
builder.Services.AddDesigner();
builder.Services.AddDocuments();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemLanguage.Customize);
builder.Services.AddExceptionHandler<EngineExceptionHandler>();
builder.Services.AddExceptionHandler<RefusalExceptionHandler>();
builder.Services.AddOpenApi();
builder.AddApprovalFlowUi();

var hangfireEnabled = builder.Configuration.IsHangfireEnabled();
if (hangfireEnabled)
{
    builder.Services.AddAppHangfire(database);
}
builder.Services.AddAppHealthChecks(hangfireEnabled);
builder.Services.AddHttpHardening(builder.Configuration);
builder.Services.AddKeyRing(builder.Configuration);
builder.Services.AddApiAntiforgery();

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();

app.UseHttpHardening();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApprovalFlowUiCulture();
app.UseRateLimiter();
app.UseAuthentication();
CallerClaimsRefresh.UseStaleSignInRefusal(app);
app.UseMiddleware<AccountCheck>();
app.UseApiAntiforgery();
app.UseAuthorization();
app.MapApprovalFlowUi();

app.MapAppHealthChecks();
app.MapOpenApi();
app.MapAuthApi(app.Configuration);

var api = app.MapGroup("/api").RequireAuthorization();
api.MapApiAntiforgery();
api.MapDefinitionsApi();
api.MapMigrationsApi();
api.MapInstancesApi();
api.MapTasksApi();
api.MapAttachmentsApi();
api.MapMessagesApi();
api.MapSignalsApi();
api.MapCalendarApi();
api.MapIncidentsApi();
api.MapCountiesApi();
api.MapEnterprisesApi();
api.MapProjectsApi();
api.MapAuditApi();
api.MapCommitmentsApi();
api.MapApprovalsApi();
api.MapSupervisionApi();
api.MapProjectListsApi();
api.MapReportsApi();
api.MapCaseDiagramsApi();
api.MapDesignerApi();
api.MapInboxApi();
api.MapAdministrationApi();
api.MapAccountAdministrationApi();
api.MapAccountApi();
api.MapDepartmentsApi();
api.MapDocumentsApi();
app.MapDocumentVerification();

if (hangfireEnabled)
{
    app.MapAppHangfire();
    app.MapGapSweepJob();
    app.MapReportsJob();
    app.MapChaseSweepJob();
    app.MapOutboxDeliveryJob();
}

app.Run();

/// <summary>Entry point; public so that WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
