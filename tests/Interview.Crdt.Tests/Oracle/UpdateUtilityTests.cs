using System.Text.Json;

namespace Interview.Crdt.Tests.Oracle;

/// <summary>MergeUpdates and DiffUpdate without a doc, against yjs's mergeUpdates/diffUpdate (tests/crdt-oracle/merge.mjs).</summary>
public class UpdateUtilityTests
{
    [Fact]
    public void Merge_and_diff_without_a_doc_give_yjs_bytes()
    {
        var file = Node.TempFile("merge.jsonl");
        try
        {
            Node.Run("merge.mjs", file, "500001", "100");
            var failures = new List<string>();
            foreach (var line in File.ReadLines(file))
            {
                using var json = JsonDocument.Parse(line);
                var s = json.RootElement;
                var seed = s.GetProperty("seed").GetInt32();
                var updates = s.GetProperty("updates").EnumerateArray().Select(u => Convert.FromBase64String(u.GetString()!)).ToArray();
                var subset = s.GetProperty("subset").EnumerateArray().Select(i => updates[i.GetInt32()]).ToArray();
                var merged = Updates.MergeUpdates(updates);
                if (Convert.ToBase64String(merged) != s.GetProperty("merged").GetString()) { failures.Add($"seed {seed}: merged differs"); continue; }
                if (subset.Length > 0 && Convert.ToBase64String(Updates.MergeUpdates(subset)) != s.GetProperty("mergedSubset").GetString()) { failures.Add($"seed {seed}: merged subset differs"); continue; }
                var diff = Updates.DiffUpdate(merged, Convert.FromBase64String(s.GetProperty("sv").GetString()!));
                if (Convert.ToBase64String(diff) != s.GetProperty("diff").GetString()) failures.Add($"seed {seed}: diff differs");
            }
            Assert.True(failures.Count == 0, $"{failures.Count} differences:\n" + string.Join("\n", failures.Take(10)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
