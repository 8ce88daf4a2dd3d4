using Interview.Crdt.Types;

namespace Interview.Crdt.Tests;

public class UndoManagerTests
{
    [Fact]
    public void Undo_and_redo_text_and_map_changes()
    {
        var doc = new Doc(clientId: 1);
        var text = doc.GetText("monaco");
        var meta = doc.GetMap("meta");
        using var undo = new UndoManager([text, meta], TimeSpan.Zero);
        text.Insert(0, "hello");
        text.Insert(5, " world");
        meta.Set("language", "python");
        text.Delete(0, 6);
        Assert.Equal("world", text.ToString());
        Assert.True(undo.Undo());
        Assert.Equal("hello world", text.ToString());
        Assert.True(undo.Undo());
        Assert.Null(meta.Get("language"));
        Assert.True(undo.Redo());
        Assert.Equal("python", meta.Get("language"));
        Assert.True(undo.Undo());
        Assert.True(undo.Undo());
        Assert.Equal("hello", text.ToString());
        Assert.True(undo.Undo());
        Assert.Equal("", text.ToString());
        Assert.False(undo.Undo());
        Assert.True(undo.Redo());
        Assert.Equal("hello", text.ToString());
    }

    [Fact]
    public void Changes_within_the_capture_timeout_are_one_step_and_untracked_origins_are_ignored()
    {
        var doc = new Doc(clientId: 1);
        var text = doc.GetText("t");
        using var undo = new UndoManager(text, TimeSpan.FromHours(1));
        text.Insert(0, "a");
        text.Insert(1, "b");
        doc.Transact(_ => text.Insert(2, "remote"), origin: "connection-7");
        Assert.Equal(1, undo.UndoStackSize);
        undo.StopCapturing();
        text.Insert(0, "c");
        Assert.Equal(2, undo.UndoStackSize);
        undo.Undo();
        undo.Undo();
        Assert.Equal("remote", text.ToString());
    }
}
