using GridGov.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddGridGov();

var app = builder.Build();
if (args is [GridGov.Modules.Accounts.Application.FirstAdministrator.Command, var userName, ..])
{
    // Migrates, creates the first administrator with a one-time password, and exits.
    return await app.CreateFirstAdministratorAsync(userName);
}
if (args is ["verify-audit", ..]) return await app.VerifyAuditAsync();
await app.UseGridGovAsync();
app.Run();
return 0;

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;
