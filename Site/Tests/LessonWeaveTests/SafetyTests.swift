import LessonKit
import LessonWeave
import Testing

@Suite("A hostile lesson renders inert")
struct SafetyTests {
  func render() throws -> String {
    let lesson = try fixture("hostile.md")
    let runs: [String: [RunRecord]] = [
      "hostile": [
        run(
          wall: 0.1,
          [
            (0.001, .stderr, "::span-begin <img src=x onerror=alert(11)>"),
            (0.05, .stdout, "</pre><script>alert(\"code\")</script>"),
            (0.06, .stderr, "<b onclick=\"alert(12)\">on stderr</b>"),
            (0.07, .stdout, "true"),
            // A prepending mark (U+0600) joins the next scalar into one Character: escaping
            // that goes by Character would miss the `<`.
            (0.075, .stdout, "\u{600}<script>alert(14)</script>"),
            (0.076, .stderr, "::span-begin \u{600}<img src=x onerror=alert(15)>"),
            (0.077, .stderr, "::span-end \u{600}<img src=x onerror=alert(15)>"),
            (0.08, .stderr, "::span-end <img src=x onerror=alert(11)>"),
          ])
      ],
      "racy": [
        run(
          wall: 0.5,
          [(0.4, .stderr, "/tmp/x.swift:1:14: error: cannot convert '<script>alert(13)</script>'")],
          status: 1)
      ],
    ]
    let files = try Book(lessons: [
      BookLesson(lesson: lesson, results: .current(report(of: lesson, runs: runs)))
    ]).render()
    return try #require(files.first { $0.path == "hostile.html" }).contents
  }

  @Test func noScriptNoEventHandlerNoScriptURL() throws {
    let html = try render()
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.lowercased().contains("<iframe"))
    let tags = startTags(html)
    #expect(!tags.isEmpty)
    for tag in tags {
      #expect(
        !["script", "iframe", "object", "embed", "b"].contains(tag.name),
        "a <\(tag.name)> got through")
      for (key, value) in tag.attributes {
        #expect(!key.hasPrefix("on"), "<\(tag.name) \(key)=…> got through")
        let url = value.lowercased().filter { !$0.isWhitespace }
        for scheme in ["javascript:", "vbscript:", "data:"] where key == "href" || key == "src" {
          #expect(!url.hasPrefix(scheme), "<\(tag.name) \(key)=\"\(value)\"> got through")
        }
      }
    }
  }

  @Test func theHostileTextIsShownEscaped() throws {
    let html = try render()
    // The title, the code, the real output, the claim and the span name are all there, as text.
    // The title's inline HTML is dropped, as cmark drops it everywhere; the rest is escaped.
    #expect(
      html.contains(
        "<h1 id=\"top\">alert(&quot;title&quot;) A hostile &amp; &quot;quoted&quot; lesson</h1>"))
    #expect(html.contains("&lt;/pre&gt;&lt;script&gt;alert(\\&quot;code\\&quot;)&lt;/script&gt;"))
    #expect(
      html.contains(
        "&lt;/pre&gt;&lt;script&gt;alert(&quot;code&quot;)&lt;/script&gt;\ntrue\n"
          + "\u{600}&lt;script&gt;alert(14)&lt;/script&gt;</pre>"))
    #expect(html.contains("\u{600}&lt;img src=x onerror=alert(15)&gt;: 76 ms → 77 ms"))
    #expect(html.contains("&lt;b onclick=&quot;alert(12)&quot;&gt;on stderr&lt;/b&gt;"))
    #expect(html.contains("about 0.1 s &lt;script&gt; &amp; &quot;quotes&quot;"))
    #expect(html.contains("&lt;img src=x onerror=alert(11)&gt;: 1 ms → 80 ms"))
    #expect(html.contains("error: cannot convert &#39;&lt;script&gt;alert(13)&lt;/script&gt;&#39;"))
    #expect(html.contains("<span class=\"num\">1</span> <span class=\"op\">&lt;</span>"))
    // cmark's safe renderer replaced every piece of raw HTML.
    #expect(html.contains("<!-- raw HTML omitted -->"))
    #expect(html.contains("a code block in another language"))
  }
}
