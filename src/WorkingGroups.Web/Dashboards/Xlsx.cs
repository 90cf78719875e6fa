using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WorkingGroups.Web.Dashboards;

/// <summary>One sheet of a workbook: a header row and the rows beneath it.</summary>
internal sealed record Sheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// An .xlsx workbook written with the Open XML SDK. Text goes in as inline strings and numbers as numbers; no cell is
/// ever a formula, so a title that begins with "=" stays text.
/// </summary>
internal static class Xlsx
{
    public static byte[] Write(params Sheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(sheet.Header));
                foreach (var row in sheet.Rows) data.Append(Row(row));
                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
                {
                    Id = workbook.GetIdOfPart(part),
                    SheetId = id++,
                    Name = sheet.Name,
                });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(IEnumerable<object?> values) => new(values.Select(Cell));

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int or long or double or decimal => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        DateOnly d => Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Text(string text) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
    };
}
