// Example 'five-at-a-time-starter' of lessons/04-many-requests.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// Marks the start or end of a piece of work for the timeline of the run.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
import Foundation
import Hummingbird
import Logging
import Synchronization

/// How many requests the server is answering now, the most at once, and
/// how many it has started on in all.
let inFlight = Mutex((now: 0, peak: 0, started: 0))

/// Starts the book's test server on 127.0.0.1, on a port the system chooses,
/// and returns its address, such as "http://127.0.0.1:40123", once it listens.
///   GET /delay/MS   answers "waited MS ms" after MS milliseconds
///   GET /fail/MS    answers with status 500 after MS milliseconds
///   GET /stall/MS   sends the answer's head at once, and its body, "stalled MS ms",
///                   after MS milliseconds
///   GET /peak       the most requests it answered at once; starts counting again
/// With `marking`, each delayed answer is a span on the timeline: "served N".
func startServer(marking: Bool = false) async throws -> String {
    let router = Router()
    router.get("delay/:ms") { _, context -> String in
        let ms = try context.parameters.require("ms", as: Int.self)
        let n = inFlight.withLock {
            $0.now += 1
            $0.peak = max($0.peak, $0.now)
            $0.started += 1
            return $0.started
        }
        if marking { span("begin", "served \(n)") }
        defer {
            inFlight.withLock { $0.now -= 1 }
            if marking { span("end", "served \(n)") }
        }
        try await Task.sleep(for: .milliseconds(ms))   // waits without a thread
        return "waited \(ms) ms"
    }
    router.get("fail/:ms") { _, context -> String in
        let ms = try context.parameters.require("ms", as: Int.self)
        try await Task.sleep(for: .milliseconds(ms))
        throw HTTPError(.internalServerError)
    }
    router.get("stall/:ms") { _, context -> Response in
        let ms = try context.parameters.require("ms", as: Int.self)
        return Response(status: .ok, body: ResponseBody { writer in
            try await Task.sleep(for: .milliseconds(ms))   // the head is already out
            try await writer.write(ByteBuffer(string: "stalled \(ms) ms"))
            try await writer.finish(nil)
        })
    }
    router.get("peak") { _, _ -> String in
        String(inFlight.withLock { state in
            defer { state.peak = 0 }
            return state.peak
        })
    }

    var logger = Logger(label: "server")
    logger.logLevel = .critical            // keep the examples' output clean
    // A stream of values that arrive later (lesson 8): here, the port, once.
    let (ports, announce) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { announce.yield($0.localAddress?.port ?? 0) },
        logger: logger)
    Task { try await app.runService(gracefulShutdownSignals: []) }
    for await port in ports { return "http://127.0.0.1:\(port)" }
    throw CancellationError()
}
import AsyncHTTPClient
import NIOCore

/// A client that may open up to `connections` connections to one server.
/// Call `shutdown()` on it when you are done.
func makeClient(connections: Int = 64) -> HTTPClient {
    var settings = HTTPClient.Configuration()
    settings.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
}

struct BadStatus: Error, CustomStringConvertible {
    let status: Int
    var description: String { "the server answered with status \(status)" }
}

/// GETs `url` and returns the body as text; a status other than 200 throws.
func get(_ url: String, with client: HTTPClient = .shared,
         timeout: TimeAmount = .seconds(30)) async throws -> String {
    let request = HTTPClientRequest(url: url)
    let response = try await client.execute(request, timeout: timeout)
    let body = try await response.body.collect(upTo: 1 << 20)
    guard response.status == .ok else {
        throw BadStatus(status: Int(response.status.code))
    }
    return String(buffer: body)
}

extension Duration {
    /// "1.23 s"
    var text: String {
        let (whole, attoseconds) = components
        return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
    }
}
let server = try await startServer()
let client = makeClient()
let urls = (1...50).map { i in "\(server)/delay/\(i.isMultiple(of: 2) ? 100 : 300)" }

let clock = ContinuousClock()
let start = clock.now
let answers = try await withThrowingTaskGroup(of: String.self) { group in
    for (i, url) in urls.enumerated() {
        group.addTask {
            span("begin", "request \(i + 1)")
            defer { span("end", "request \(i + 1)") }
            return try await get(url, with: client)
        }
    }
    var answers: [String] = []
    for try await answer in group { answers.append(answer) }
    return answers
}
print("answers: \(answers.count)")
print("requests took: \((clock.now - start).text)")
print("most at once on the server: \(try await get("\(server)/peak"))")
try await client.shutdown().get()
