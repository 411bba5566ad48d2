// Example 'blocked-loop' of lessons/04-many-requests.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The kernel's id for the thread running this line (see lesson 3).
func threadID() -> Int {
#if os(Linux)
    let link = try! FileManager.default
        .destinationOfSymbolicLink(atPath: "/proc/thread-self")   // "PID/task/TID"
    return Int(link.split(separator: "/").last!)!
#else
    var id: UInt64 = 0
    pthread_threadid_np(nil, &id)                                  // macOS
    return Int(id)
#endif
}

/// Every thread that has run a request's code in the server.
let serverThreads = Mutex<Set<Int>>([])

/// Answers GET /delay/MS after MS milliseconds, with a timer on its event loop,
/// and GET /block/MS by blocking its event loop's thread for MS milliseconds.
final class SlowHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let request) = unwrapInboundIn(data) else { return }
        serverThreads.withLock { _ = $0.insert(threadID()) }
        let parts = request.uri.split(separator: "/")
        let ms = Int(parts.last ?? "") ?? 0
        if parts.first == "block" {
            Thread.sleep(forTimeInterval: Double(ms) / 1000)  // the loop stops
            respond("blocked \(ms) ms", on: context)
        } else {
            let later = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(Int64(ms))) {
                respond("waited \(ms) ms", on: later.value)  // on the loop
            }
        }
    }
}

/// Writes a whole response: status line and headers, the text, the end.
func respond(_ text: String, on context: ChannelHandlerContext) {
    var head = HTTPResponseHead(version: .http1_1, status: .ok)
    head.headers.add(name: "content-length", value: "\(text.utf8.count)")
    let body = HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: text)))
    context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
    context.write(NIOAny(body), promise: nil)
    context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
}

/// Starts a server with one event-loop thread on 127.0.0.1; returns its address.
func startOneThreadServer() async throws -> String {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let channel = try await ServerBootstrap(group: group)
        .serverChannelOption(.backlog, value: 512)
        .childChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                try channel.pipeline.syncOperations.addHandler(SlowHandler())
            }
        }
        .bind(host: "127.0.0.1", port: 0).get()
    return "http://127.0.0.1:\(channel.localAddress?.port ?? 0)"
}
import Foundation

/// Marks the start or end of a piece of work for the timeline of the run.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
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
/// Sends `count` requests to `url` at once, each on a connection of its own,
/// and returns how long the slowest one took.
func crowd(_ count: Int, to url: String) async throws -> Duration {
    let client = makeClient(connections: count)
    let slowest = try await withThrowingTaskGroup(of: Duration.self) { group in
        for i in 1...count {
            group.addTask {
                let clock = ContinuousClock()
                let start = clock.now
                span("begin", "client \(i)")
                _ = try await get(url, with: client)
                span("end", "client \(i)")
                return clock.now - start
            }
        }
        return try await group.reduce(.zero) { max($0, $1) }
    }
    try await client.shutdown()
    return slowest
}
let server = try await startOneThreadServer()

let blocker = Task {
    span("begin", "blocker")
    defer { span("end", "blocker") }
    return try await get("\(server)/block/1000")
}
try await Task.sleep(for: .milliseconds(100))         // let the blocker go first
let slowest = try await crowd(200, to: "\(server)/delay/500")

print("blocker: \(try await blocker.value)")
print("slowest of 200 requests: \(slowest.text)")
print("late by: \((slowest - .milliseconds(500)).text)")
