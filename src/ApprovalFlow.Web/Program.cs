using ApprovalFlow.Engine;
using ApprovalFlow.Web.Common;
using Mediator;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Errors;
using ApprovalFlow.Web.Features.Definitions;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Messages;
using ApprovalFlow.Web.Features.Tasks;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Jobs;

var builder = WebApplication.CreateBuilder(args);

var database = builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
builder.Services.AddAppIdentity();
builder.Services.AddWorkflowEngine<AppDbContext>();
builder.Services.AddMediator((MediatorOptions options) =>
{
    // Scoped, so handlers take the request's AppDbContext and WorkflowEngine.
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(CommandTransactionBehavior<,>)];
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<EngineExceptionHandler>();
builder.Services.AddOpenApi();

var hangfireEnabled = builder.Configuration.IsHangfireEnabled();
if (hangfireEnabled)
{
    builder.Services.AddAppHangfire(database);
}

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapAuthApi(app.Configuration);

var api = app.MapGroup("/api").RequireAuthorization();
api.MapDefinitionsApi();
api.MapInstancesApi();
api.MapTasksApi();
api.MapMessagesApi();

if (hangfireEnabled)
{
    app.MapAppHangfire();
}

app.Run();

/// <summary>Entry point; public so that WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
