using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// Loads each shipped year that the database has not seen yet, or whose file now names other notices (a provisional
/// year of statutory days, then the State Council's notice for it). Its marker row in <c>calendar_years</c> keeps later
/// starts from touching the same file again, and a day that already has a row (an administrator changed it, or an
/// earlier file listed it) is left as it is: a newer file only adds days. Idempotent, also when two servers start together.
/// </summary>
public sealed class CalendarSeeder(AppDbContext db, CalendarDataFiles files, TimeProvider clock, ILogger<CalendarSeeder> logger)
{
    /// <summary>Returns the years seeded by this call.</summary>
    public async Task<IReadOnlyList<int>> SeedAsync(CancellationToken ct = default)
    {
        var seeded = new List<int>();
        var known = await db.Set<CalendarYear>().AsNoTracking().ToDictionaryAsync(y => y.Year, y => y.Notices, ct);
        foreach (var file in files.ReadAll().Where(f => !known.TryGetValue(f.Year, out var notices) || notices != NoticesOf(f)))
        {
            if (await SeedYearAsync(file, known.ContainsKey(file.Year), ct)) seeded.Add(file.Year);
        }
        return seeded;
    }

    private static string NoticesOf(CalendarDataFile file) => string.Join('\n', file.Notices.Select(n => n.ToString()));

    private async Task<bool> SeedYearAsync(CalendarDataFile file, bool seenBefore, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var first = new DateOnly(file.Year, 1, 1);
        var last = new DateOnly(file.Year, 12, 31);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var existing = await db.Set<CalendarDay>().AsNoTracking()
                .Where(d => d.Date >= first && d.Date <= last).Select(d => d.Date).ToListAsync(ct);
            var added = file.Days.Where(d => !existing.Contains(d.Date)).Select(d => CalendarDataFiles.ToDay(file, d, now)).ToList();
            db.AddRange(added);
            if (seenBefore)
            {
                var marker = await db.Set<CalendarYear>().SingleAsync(y => y.Year == file.Year, ct);
                marker.Notices = NoticesOf(file);
                marker.DataFile = file.FileName;
                marker.SeededAt = now;
            }
            else
            {
                db.Add(new CalendarYear { Year = file.Year, Notices = NoticesOf(file), DataFile = file.FileName, SeededAt = now });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Calendar {Year} seeded from {File} ({Notices}): {Added} day(s), {Kept} kept as edited",
                file.Year, file.FileName, string.Join(", ", file.Notices.Select(n => n.Number)), added.Count, file.Days.Count - added.Count);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // Another server seeded the same year at the same moment; its rows stand.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            logger.LogInformation(ex, "Calendar {Year} was seeded by another server meanwhile", file.Year);
            return false;
        }
    }
}
