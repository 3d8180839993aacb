using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Authorization;

public sealed class SqliteAuthorizationFixture() : AuthorizationFixture(new WebAppFactory());
