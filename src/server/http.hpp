#pragma once
// The HTTP/1.1 layer of the server: listening sockets, connections, request parsing, limits, TLS
// and writing answers. It is the only part of the product that knows the HTTP library (Boost.Beast
// on Boost.Asio, in http.cpp; docs/ARCHITECTURE.md says why): the rest of the server sees Request
// and Response (server.hpp) and the callbacks of Application.
//
// Model: one Asio event loop run by `Limits::threads` threads. A connection costs a socket and a
// small buffer, never a thread, until a whole request has arrived; the application's callbacks
// then run on one of the loop's threads. Every stage has a bound:
// - a connection that sends nothing is closed after `idle` (also between kept-alive requests);
// - a request head must arrive whole within `head` of its first byte (and of the connection for
//   TLS handshakes), with at most `max_header_bytes` and `max_headers` fields (431 beyond) and a
//   target of at most `max_target_bytes` (414);
// - a body is refused before it is read when it is larger than the route accepts (413; chunked
//   bodies are counted as they arrive), when it is content-encoded (415), and it must arrive at
//   `body_min_rate` bytes a second on average after a grace of `body_grace`;
// - an answer must be taken by the client within `write`;
// - at most `max_connections` connections, and `max_connections_per_address` from one address: a
//   new connection over a cap closes the oldest connection of that address (or of all) that is
//   waiting for a request; when none is waiting, the new connection is closed.
// Requests with Content-Length and Transfer-Encoding together, any transfer coding but chunked,
// obsolete line folding, or (HTTP/1.1) no Host are refused with 400 or 501. A Range asks for one
// range or none: a multi-range request gets the whole answer. Every answer, the layer's own
// included, carries `default_headers` unless it set a header of the same name.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "server/server.hpp"
#include "util/result.hpp"

namespace cyberframe::server::http {

struct Limits {
  std::chrono::milliseconds idle{5000};
  std::chrono::milliseconds head{10000};
  std::chrono::milliseconds body_grace{10000};
  std::size_t body_min_rate = 16 * 1024;  // bytes a second
  std::chrono::milliseconds write{30000};
  std::size_t max_header_bytes = 16 * 1024;  // request line and fields
  std::size_t max_target_bytes = 8 * 1024;
  std::size_t max_headers = 100;
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 256;
  std::size_t threads = 16;
  // How long stop() lets requests in progress finish before closing their connections.
  std::chrono::milliseconds drain{5000};
};

// One request and its answer, as the access log and the metrics record them.
struct Exchange {
  std::string method;  // "-" when the request line could not be read
  std::string path;
  std::string remote;
  std::string route;  // Response::route, or "http" for the layer's own answers
  int status = 0;
  double seconds = 0;  // from the first byte of the request to the last byte of the answer
};

// What the layer calls. Each callback may be called from any of the loop's threads, for several
// connections at once.
struct Application {
  // A request's head has arrived (Request::body empty; `has_body` tells whether a body follows):
  // the most body bytes the request may carry, or the answer to give at once without reading the
  // body (the connection then closes if a body was on its way).
  std::function<std::variant<std::size_t, Response>(const Request& head, bool has_body)> on_head;
  // The whole request: its answer. HEAD is answered as GET without the body.
  std::function<Response(Request& request)> on_request;
  // The problem body of one of the layer's own answers (400, 408, 413, 414, 415, 417, 431, 501).
  std::function<Response(int status, const std::string& title, const std::string& detail)> problem;
  // Headers every answer carries unless it has one of the same name (names as written).
  std::vector<std::pair<std::string, std::string>> default_headers;
  // After each answer (or refusal) is written or given up.
  std::function<void(const Exchange&)> on_done;
};

struct Tls {
  std::string certificate_chain_file;  // PEM
  std::string private_key_file;        // PEM
};

class Server {
 public:
  Server(Application application, Limits limits);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the certificate and key: every listener added afterwards speaks TLS (1.2 or later).
  util::Result<void> use_tls(const Tls& tls);
  // Binds HOST:PORT (port 0: any free port) and returns the port bound. Requests through it carry
  // `listener` in Request::listener.
  util::Result<int> listen(const std::string& host, int port, int listener = 0);
  // Serves until stop() or, when `stop_on_signals`, SIGTERM or SIGINT: then stops accepting,
  // closes the connections waiting for a request, lets requests in progress finish for up to
  // Limits::drain, and returns.
  void run(bool stop_on_signals);
  // Asks run() to return (any thread).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// The result of parsing one request from bytes with the layer's own parser and checks, without
// sockets: the request (head and body) or the status and detail of the refusal. For the fuzz
// target and the tests; `body_limit` stands for Application::on_head.
struct Parsed {
  std::optional<Request> request;
  int status = 0;  // of the refusal, when `request` is empty (0: the bytes end before the request)
  std::string detail;
  std::size_t consumed = 0;  // bytes the request took (what follows belongs to the next one)
};
Parsed parse_request(std::string_view bytes, const Limits& limits, std::size_t body_limit);

}  // namespace cyberframe::server::http
