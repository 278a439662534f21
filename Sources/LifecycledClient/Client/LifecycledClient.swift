import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A client of one lifecycled server, over `URLSession` with async/await.
///
/// ```swift
/// let client = LifecycledClient(url: URL(string: "http://127.0.0.1:8080")!)
/// let session = try await client.createSession(SessionConfig(lifecycle: .app, iosVersion: "11.0"))
/// let result = try await client.act(.launch, in: session.id)
/// // result.methods: ["application(_:willFinishLaunchingWithOptions:)", …]
/// ```
///
/// An error answer throws `LifecycledError.problem` with the server's problem
/// (`allowedActions` and `needs` for a refused action); a server that cannot be reached
/// throws `URLSession`'s own error (`URLError`). Safe to share between tasks.
public struct LifecycledClient: Sendable {
    /// The server's base URL, e.g. `http://127.0.0.1:8080`.
    public let url: URL
    /// Seconds each request may take.
    public let timeout: TimeInterval
    private let urlSession: URLSession

    /// A client of the server at `url`; `urlSession` defaults to `URLSession.shared`.
    public init(url: URL, timeout: TimeInterval = 30, urlSession: URLSession = .shared) {
        self.url = url
        self.timeout = timeout
        self.urlSession = urlSession
    }

    // MARK: transport

    /// A raw answer: status, headers (names lowercased) and body.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
    }

    /// Sends one request and answers the raw response; a status of 400 or more throws
    /// `LifecycledError.problem`. `body` is sent as JSON.
    public func send(
        _ method: String, _ path: String, query: [(String, String)] = [], body: Data? = nil
    ) async throws -> Response {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            throw LifecycledError.unexpectedResponse(what: "\(method) \(path)", status: 0, reason: "not a URL")
        }
        components.path = components.path.trimmingSuffix("/") + path
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let target = components.url else {
            throw LifecycledError.unexpectedResponse(what: "\(method) \(path)", status: 0, reason: "not a URL")
        }
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("application/json, application/problem+json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await urlSession.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw LifecycledError.unexpectedResponse(what: "\(method) \(path)", status: 0, reason: "not HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        let answer = Response(status: http.statusCode, headers: headers, body: data)
        if answer.status >= 400 { throw LifecycledError.problem(Self.problem(in: answer)) }
        return answer
    }

    /// The problem an error answer carries (or one made from its status and text).
    private static func problem(in response: Response) -> Problem {
        if response.headers["content-type"]?.contains("json") == true,
            var problem = try? JSONDecoder().decode(Problem.self, from: response.body)
        {
            problem.retryAfter = response.headers["retry-after"].flatMap { Int($0) }
            if problem.requestId == nil { problem.requestId = response.headers["x-request-id"] }
            return problem
        }
        var problem = Problem(status: response.status, body: String(decoding: response.body, as: UTF8.self))
        problem.retryAfter = response.headers["retry-after"].flatMap { Int($0) }
        problem.requestId = response.headers["x-request-id"]
        return problem
    }

    /// Sends `body` (encoded as JSON, when given) and decodes the answer as `T`.
    func call<T: Decodable>(
        _ method: String, _ path: String, query: [(String, String)] = [], body: (any Encodable)? = nil,
        as type: T.Type = T.self
    ) async throws -> T {
        let encoded = try body.map { try JSONEncoder().encode($0) }
        let response = try await send(method, path, query: query, body: encoded)
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw LifecycledError.unexpectedResponse(
                what: "\(method) \(path)", status: response.status, reason: "cannot decode \(T.self): \(error)")
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
