using GridGov.Kernel.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGridGov();

var app = builder.Build();
await app.UseGridGovAsync();
app.Run();

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;
