// The HTTP/1.1 layer on Boost.Beast and Boost.Asio (http.hpp says what it guarantees). The only
// file of the product that includes the HTTP library.
#include "server/http.hpp"

#include <sys/resource.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <list>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace cyberframe::server {

const std::string& Request::header(const std::string& name) const {
  static const std::string k_empty;
  auto it = headers.find(name);
  return it == headers.end() ? k_empty : it->second;
}

}  // namespace cyberframe::server

namespace cyberframe::server::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using error_code = boost::system::error_code;

// ------------------------------------------------------------------------------------------------
// Parsing one request

struct Refusal {
  int status = 0;
  std::string title;
  std::string detail;
};

char lower_char(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower_char(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_char(a[i]) != lower_char(b[i])) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX-decodes `in` (and '+' to a space in a query); false on a malformed escape or a NUL.
bool percent_decode(std::string_view in, bool plus_is_space, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = hex_value(in[i + 1]);
      int lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return false;
    out += c;
  }
  return true;
}

// The request's target as path and query parameters (decoded; a repeated parameter keeps its
// last value), or the refusal.
std::optional<Refusal> split_target(std::string_view target, Request& request) {
  auto bad = [](std::string detail) { return Refusal{400, "Bad request", std::move(detail)}; };
  if (target == "*") {
    request.path = "*";
    return std::nullopt;
  }
  if (target.empty() || target.front() != '/')
    return bad("the request target must be a path starting with '/'");
  auto question = target.find('?');
  auto raw_path = target.substr(0, question);
  if (auto hash = raw_path.find('#'); hash != std::string_view::npos)
    raw_path = raw_path.substr(0, hash);
  if (!percent_decode(raw_path, false, request.path))
    return bad("the request path has a malformed %-escape or a NUL");
  if (question == std::string_view::npos) return std::nullopt;
  auto query = target.substr(question + 1);
  if (auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
  std::string key, value;
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    if (!percent_decode(pair.substr(0, eq), true, key) ||
        !percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1),
                        true, value))
      return bad("the query string has a malformed %-escape or a NUL");
    request.query[key] = value;
  }
  return std::nullopt;
}

// Beast's parser, filling a Request directly and counting what it reads.
class RequestParser final : public bhttp::basic_parser<true> {
 public:
  RequestParser(const Limits& limits, Request& request) : m_limits(limits), m_request(request) {
    header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
    body_limit(boost::none);  // the route's limit is set once the head is known
  }

  std::optional<Refusal> refusal;
  bool saw_content_length = false;
  bool saw_transfer_encoding = false;
  bool saw_host = false;
  int version = 11;

 private:
  void on_request_impl(bhttp::verb, beast::string_view method, beast::string_view target,
                       int http_version, error_code& ec) override {
    if (target.size() > m_limits.max_target_bytes) {
      refusal =
          Refusal{414, "URI too long",
                  "the request target has " + std::to_string(target.size()) + " bytes; at most " +
                      std::to_string(m_limits.max_target_bytes) + " are accepted"};
      ec = bhttp::error::bad_target;
      return;
    }
    m_request.method.assign(method.data(), method.size());
    m_target.assign(target.data(), target.size());
    version = http_version;
  }

  void on_response_impl(int, beast::string_view, int, error_code& ec) override {
    ec = bhttp::error::bad_version;
  }

  void on_field_impl(bhttp::field, beast::string_view name_view, beast::string_view value_view,
                     error_code& ec) override {
    if (++m_fields > m_limits.max_headers) {
      refusal = Refusal{
          431, "Request header fields too large",
          "the request has more than " + std::to_string(m_limits.max_headers) + " header fields"};
      ec = bhttp::error::header_limit;
      return;
    }
    auto name = lower({name_view.data(), name_view.size()});
    std::string_view value(value_view.data(), value_view.size());
    if (name == "content-length") saw_content_length = true;
    if (name == "transfer-encoding") {
      saw_transfer_encoding = true;
      if (!iequals(trim(value), "chunked")) {
        refusal = Refusal{501, "Not implemented",
                          "the only transfer coding accepted is chunked; send the body with a "
                          "Content-Length or chunked"};
        ec = bhttp::error::bad_transfer_encoding;
        return;
      }
    }
    if (name == "host") {
      if (saw_host) {
        refusal = Refusal{400, "Bad request", "the request has more than one Host header"};
        ec = bhttp::error::bad_field;
        return;
      }
      saw_host = true;
    }
    auto [it, inserted] = m_request.headers.try_emplace(std::move(name), value);
    if (!inserted) {
      it->second += it->first == "cookie" ? "; " : ", ";
      it->second += value;
    }
  }

  void on_header_impl(error_code&) override {}

  void on_body_init_impl(const boost::optional<std::uint64_t>& length, error_code&) override {
    if (length) m_request.body.reserve(static_cast<std::size_t>(*length));
  }

  std::size_t on_body_impl(beast::string_view body, error_code&) override {
    m_request.body.append(body.data(), body.size());
    return body.size();
  }

  void on_chunk_header_impl(std::uint64_t, beast::string_view, error_code&) override {}

  std::size_t on_chunk_body_impl(std::uint64_t, beast::string_view body, error_code&) override {
    m_request.body.append(body.data(), body.size());
    return body.size();
  }

  void on_finish_impl(error_code&) override {}

 public:
  const std::string& target() const { return m_target; }

 private:
  const Limits& m_limits;
  Request& m_request;
  std::string m_target;
  std::size_t m_fields = 0;
};

// One request's reading, over whatever bytes arrive: the session and parse_request() share it.
class Reader {
 public:
  enum class State { k_more, k_head, k_done, k_refused };

  Reader(const Limits& limits, Request& request) : m_limits(limits), m_parser(limits, request) {}

  // Parses from `data`; `used` receives the bytes taken (the caller drops them). k_head once, when
  // the head is whole (then accept_head() and set_body_limit() before more bytes), k_done when
  // the body is whole too.
  State put(std::string_view data, std::size_t& used) {
    used = 0;
    error_code ec;
    while (!data.empty()) {
      auto n = m_parser.put(asio::const_buffer(data.data(), data.size()), ec);
      if (!m_head_seen) scan_head(data.substr(0, n));
      used += n;
      data.remove_prefix(n);
      if (ec == bhttp::error::need_more) break;
      if (ec) return refuse(ec);
      if (!m_head_seen && m_parser.is_header_done()) {
        m_head_seen = true;
        return State::k_head;
      }
      if (m_parser.is_done()) return State::k_done;
      if (n == 0) break;
    }
    if (!m_head_seen && m_head_bytes + data.size() > m_limits.max_header_bytes) {
      m_refusal = Refusal{431, "Request header fields too large",
                          "the request head is larger than " +
                              std::to_string(m_limits.max_header_bytes) + " bytes"};
      return State::k_refused;
    }
    return State::k_more;
  }

  // The checks of a whole head, and the target split into path and query.
  std::optional<Refusal> accept_head(Request& request) {
    if (m_obs_fold)
      return Refusal{400, "Bad request",
                     "a header field continues on the next line (obsolete line folding); send "
                     "each field on one line"};
    if (m_parser.version >= 11 && !m_parser.saw_host)
      return Refusal{400, "Bad request", "an HTTP/1.1 request must have a Host header"};
    const auto& coding = request.header("content-encoding");
    if (!coding.empty() && !iequals(trim(coding), "identity"))
      return Refusal{415, "Unsupported media type",
                     "request bodies may not be content-encoded (Content-Encoding: " +
                         std::string(trim(coding)).substr(0, 40) + "); send the body uncompressed"};
    const auto& expect = request.header("expect");
    if (!expect.empty() && !iequals(trim(expect), "100-continue"))
      return Refusal{417, "Expectation failed", "the only expectation understood is 100-continue"};
    if (m_parser.target() == "*" && request.method != "OPTIONS")
      return Refusal{400, "Bad request", "the target * is for OPTIONS only"};
    return split_target(m_parser.target(), request);
  }

  bool has_body() const { return !m_parser.is_done(); }
  std::optional<std::uint64_t> content_length() const {
    auto n = m_parser.content_length();
    return n ? std::optional<std::uint64_t>(*n) : std::nullopt;
  }
  bool keep_alive() const { return m_parser.keep_alive(); }
  bool expects_continue(const Request& request) const {
    return has_body() && !request.header("expect").empty();
  }

  // 413 when the declared length is over `limit`; chunked bodies are counted as they arrive.
  std::optional<Refusal> set_body_limit(std::size_t limit) {
    auto length = content_length();
    if (length && *length > limit) return too_large(limit);
    m_limit = limit;
    m_parser.body_limit(static_cast<std::uint64_t>(limit));
    return std::nullopt;
  }

  const Refusal& refusal() const { return m_refusal; }

 private:
  Refusal too_large(std::size_t limit) const {
    return Refusal{413, "Request too large",
                   limit == 0 ? std::string("this request takes no body")
                              : "the body is larger than this request accepts (" +
                                    std::to_string(limit) + " bytes)"};
  }

  // Obsolete line folding: a line of the head that starts with a space or a tab.
  void scan_head(std::string_view bytes) {
    for (char c : bytes) {
      if (m_last == '\n' && (c == ' ' || c == '\t') && m_head_bytes > 0) m_obs_fold = true;
      m_last = c;
      ++m_head_bytes;
    }
  }

  State refuse(const error_code& ec) {
    if (m_parser.refusal) {
      m_refusal = *m_parser.refusal;
    } else if (ec == bhttp::error::header_limit) {
      m_refusal = Refusal{431, "Request header fields too large",
                          "the request head is larger than " +
                              std::to_string(m_limits.max_header_bytes) + " bytes"};
    } else if (ec == bhttp::error::body_limit) {
      m_refusal = too_large(m_limit);
    } else if (m_parser.saw_content_length && m_parser.saw_transfer_encoding) {
      m_refusal = Refusal{400, "Bad request",
                          "a request may not carry both Content-Length and Transfer-Encoding"};
    } else {
      m_refusal = Refusal{400, "Bad request",
                          "the request could not be read as HTTP/1.1 (" + ec.message() + ")"};
    }
    return State::k_refused;
  }

  const Limits& m_limits;
  RequestParser m_parser;
  Refusal m_refusal;
  bool m_head_seen = false;
  bool m_obs_fold = false;
  char m_last = '\0';
  std::size_t m_head_bytes = 0;
  std::size_t m_limit = 0;
};

// ------------------------------------------------------------------------------------------------
// Writing an answer

// The one byte range a Range header asks for within `size` bytes: [first, last]. nullopt when the
// header asks for no single range the layer serves (absent, malformed, several ranges: the whole
// answer is sent); {size, size} when the range cannot be satisfied (416).
std::optional<std::pair<std::uint64_t, std::uint64_t>> single_range(std::string_view header,
                                                                    std::uint64_t size) {
  header = trim(header);
  if (!header.starts_with("bytes=")) return std::nullopt;
  auto spec = trim(header.substr(6));
  if (spec.empty() || spec.find(',') != std::string_view::npos) return std::nullopt;
  auto dash = spec.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view text, std::uint64_t& out) {
    if (text.empty() || text.size() > 18) return false;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && p == text.data() + text.size();
  };
  auto first_text = spec.substr(0, dash), last_text = spec.substr(dash + 1);
  std::uint64_t first = 0, last = 0;
  if (first_text.empty()) {  // the last N bytes
    if (!number(last_text, last)) return std::nullopt;
    if (last == 0 || size == 0) return std::pair{size, size};
    return std::pair{size - std::min(last, size), size - 1};
  }
  if (!number(first_text, first)) return std::nullopt;
  if (last_text.empty()) {
    last = size == 0 ? 0 : size - 1;
  } else if (!number(last_text, last) || last < first) {
    return std::nullopt;
  }
  if (first >= size) return std::pair{size, size};
  return std::pair{first, std::min(last, size - 1)};
}

bool has_header(const Response& r, std::string_view name) {
  return std::any_of(r.headers.begin(), r.headers.end(),
                     [&](const auto& h) { return iequals(h.first, name); });
}

const std::string* header_value(const Response& r, std::string_view name) {
  for (const auto& h : r.headers)
    if (iequals(h.first, name)) return &h.second;
  return nullptr;
}

// ------------------------------------------------------------------------------------------------
// Connections

class Connection {
 public:
  virtual ~Connection() = default;
  // Closes the connection if it is waiting for a request (over a cap, or the server stopping);
  // otherwise it closes after the answer in progress when `stopping`.
  virtual void close_waiting(bool stopping) = 0;
  // Closes it whatever it is doing.
  virtual void close_now() = 0;
};

// Every open connection, by age, with the caps of Limits.
class Registry {
 public:
  explicit Registry(const Limits& limits) : m_limits(limits) {}

  // Admits a new connection, closing the oldest waiting one over a cap; false when there is no
  // room (every connection over the cap is busy).
  bool admit(std::uint64_t id, const std::string& address, std::weak_ptr<Connection> connection,
             std::size_t max_connections) {
    std::shared_ptr<Connection> victim;
    {
      std::lock_guard lock(m_mutex);
      auto from_address = [&] {
        auto it = m_per_address.find(address);
        return it == m_per_address.end() ? std::size_t{0} : it->second;
      };
      while (from_address() >= m_limits.max_connections_per_address ||
             m_entries.size() >= max_connections) {
        bool address_full = from_address() >= m_limits.max_connections_per_address;
        auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const auto& e) {
          return e.second.waiting && (!address_full || e.second.address == address);
        });
        if (it == m_entries.end()) return false;
        victim = it->second.connection.lock();
        remove(it);
        if (victim) break;  // else it was on its way out: look again
      }
      m_entries.emplace(id, Entry{address, std::move(connection), true});
      ++m_per_address[address];
    }
    if (victim) victim->close_waiting(false);
    return true;
  }

  void set_waiting(std::uint64_t id, bool waiting) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_entries.find(id); it != m_entries.end()) it->second.waiting = waiting;
  }

  void leave(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_entries.find(id); it != m_entries.end()) remove(it);
  }

  std::vector<std::shared_ptr<Connection>> all() {
    std::vector<std::shared_ptr<Connection>> out;
    std::lock_guard lock(m_mutex);
    for (auto& [id, e] : m_entries)
      if (auto c = e.connection.lock()) out.push_back(std::move(c));
    return out;
  }

 private:
  struct Entry {
    std::string address;
    std::weak_ptr<Connection> connection;
    bool waiting = true;
  };

  void remove(std::map<std::uint64_t, Entry>::iterator it) {
    auto a = m_per_address.find(it->second.address);
    if (a != m_per_address.end() && --a->second == 0) m_per_address.erase(a);
    m_entries.erase(it);
  }

  const Limits& m_limits;
  std::mutex m_mutex;
  std::map<std::uint64_t, Entry> m_entries;  // ids grow: oldest first
  std::unordered_map<std::string, std::size_t> m_per_address;
};

// What every connection shares.
struct Shared {
  Application app;
  Limits limits;
  Registry registry{limits};
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> next_id{1};
};

constexpr std::string_view k_continue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::size_t k_read_size = 64 * 1024;
constexpr auto k_linger = std::chrono::seconds(2);
constexpr std::size_t k_linger_bytes = 16u << 20;

tcp::socket& socket_of(beast::tcp_stream& s) {
  return s.socket();
}
tcp::socket& socket_of(beast::ssl_stream<beast::tcp_stream>& s) {
  return beast::get_lowest_layer(s).socket();
}
beast::tcp_stream& tcp_of(beast::tcp_stream& s) {
  return s;
}
beast::tcp_stream& tcp_of(beast::ssl_stream<beast::tcp_stream>& s) {
  return beast::get_lowest_layer(s);
}

template <class Stream>
class Session final : public Connection, public std::enable_shared_from_this<Session<Stream>> {
 public:
  template <class... Args>
  Session(Shared& shared, std::uint64_t id, std::string remote, Args&&... stream_args)
      : m_shared(shared),
        m_id(id),
        m_remote(std::move(remote)),
        m_stream(std::forward<Args>(stream_args)...) {}

  ~Session() override { m_shared.registry.leave(m_id); }

  // Called on the accepting thread: everything else runs on the connection's own loop.
  void start() {
    asio::dispatch(tcp_of(m_stream).get_executor(),
                   beast::bind_front_handler(&Session::begin, this->shared_from_this()));
  }

  void close_waiting(bool stopping) override {
    asio::post(tcp_of(m_stream).get_executor(), [self = this->shared_from_this(), stopping] {
      if (stopping) self->m_close_after = true;
      if (self->m_phase == Phase::k_idle || self->m_phase == Phase::k_head) self->shut_socket();
    });
  }

  void close_now() override {
    asio::post(tcp_of(m_stream).get_executor(),
               [self = this->shared_from_this()] { self->shut_socket(); });
  }

 private:
  enum class Phase { k_idle, k_head, k_body, k_answering, k_closing };

  void begin() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      wait_request();
    } else {
      tcp_of(m_stream).expires_after(m_shared.limits.head);
      m_stream.async_handshake(
          ssl::stream_base::server,
          beast::bind_front_handler(&Session::on_handshake, this->shared_from_this()));
    }
  }

  void on_handshake(error_code ec) {
    if (ec) return shut_socket();
    wait_request();
  }

  void shut_socket() {
    m_phase = Phase::k_closing;
    error_code ignored;
    socket_of(m_stream).shutdown(tcp::socket::shutdown_both, ignored);
    socket_of(m_stream).close(ignored);
  }

  // Between requests: nothing read of the next one yet.
  void wait_request() {
    if (m_close_after || m_shared.stopping) return shut_socket();
    m_phase = Phase::k_idle;
    m_shared.registry.set_waiting(m_id, true);
    m_request = Request{};
    m_request.remote = m_remote;
    m_request.listener = m_listener;
    m_reader.emplace(m_shared.limits, m_request);
    m_body_unread = false;
    if (m_buffer.size() > 0) {  // pipelined
      begin_head();
      return parse();
    }
    if (m_buffer.capacity() > k_read_size) m_buffer.shrink_to_fit();
    tcp_of(m_stream).expires_after(m_shared.limits.idle);
    read();
  }

  void begin_head() {
    m_phase = Phase::k_head;
    m_started = Clock::now();
    tcp_of(m_stream).expires_at(m_started + m_shared.limits.head);
  }

  void read() {
    auto room = m_phase == Phase::k_body ? k_read_size : m_shared.limits.max_header_bytes + 1;
    m_stream.async_read_some(
        m_buffer.prepare(room),
        beast::bind_front_handler(&Session::on_read, this->shared_from_this()));
  }

  void on_read(error_code ec, std::size_t n) {
    if (ec) return shut_socket();  // closed by the peer, timed out, evicted
    m_buffer.commit(n);
    if (m_phase == Phase::k_idle) begin_head();
    parse();
  }

  void parse() {
    for (;;) {
      std::size_t used = 0;
      auto data = m_buffer.data();
      auto state = m_reader->put({static_cast<const char*>(data.data()), data.size()}, used);
      m_buffer.consume(used);
      switch (state) {
        case Reader::State::k_more:
          return read();
        case Reader::State::k_refused:
          return refuse(m_reader->refusal());
        case Reader::State::k_done:
          return complete();
        case Reader::State::k_head:
          if (!head_complete()) return;
          if (m_phase != Phase::k_body) return;  // waiting for 100-continue to be written
          continue;
      }
    }
  }

  // The head is whole: its checks, then the application's decision. True when the body is to be
  // read now.
  bool head_complete() {
    m_shared.registry.set_waiting(m_id, false);
    m_method = m_request.method;
    m_head = m_method == "HEAD";
    if (auto refusal = m_reader->accept_head(m_request)) {
      refuse(*refusal);
      return false;
    }
    m_path = m_request.path;
    std::variant<std::size_t, Response> decision;
    try {
      decision = m_shared.app.on_head(m_request, m_reader->has_body());
    } catch (const std::exception&) {
      decision = m_shared.app.problem(500, "Internal error",
                                      "the server could not answer; the request was logged");
    }
    if (auto* early = std::get_if<Response>(&decision)) {
      m_body_unread = m_reader->has_body();
      answer(std::move(*early), false);
      return false;
    }
    auto limit = std::get<std::size_t>(decision);
    if (auto refusal = m_reader->set_body_limit(limit)) {
      refuse(*refusal);
      return false;
    }
    if (!m_reader->has_body()) {
      complete();
      return false;
    }
    m_phase = Phase::k_body;
    // The body must keep a minimum pace after a grace period.
    auto expected = m_reader->content_length().value_or(limit);
    auto allowed = m_shared.limits.body_grace +
                   std::chrono::milliseconds(
                       expected * 1000 / std::max<std::size_t>(m_shared.limits.body_min_rate, 1));
    tcp_of(m_stream).expires_after(allowed);
    if (m_reader->expects_continue(m_request)) {
      m_phase = Phase::k_answering;  // parse() stops until the interim answer is out
      asio::async_write(
          m_stream, asio::buffer(k_continue.data(), k_continue.size()),
          beast::bind_front_handler(&Session::on_continue_written, this->shared_from_this()));
      return true;
    }
    return true;
  }

  void on_continue_written(error_code ec, std::size_t) {
    if (ec) return shut_socket();
    m_phase = Phase::k_body;
    parse();
  }

  void complete() {
    m_phase = Phase::k_answering;
    // What answer() needs of the request, which the application may take apart.
    m_range = m_request.header("range");
    m_if_range = m_request.header("if-range");
    Response response;
    try {
      response = m_shared.app.on_request(m_request);
    } catch (const std::exception&) {
      response = m_shared.app.problem(500, "Internal error",
                                      "the server could not answer; the request was logged");
    }
    answer(std::move(response), false);
  }

  void refuse(const Refusal& refusal) {
    m_shared.registry.set_waiting(m_id, false);
    m_body_unread = true;  // whatever follows cannot be trusted to be a request
    auto response = m_shared.app.problem(refusal.status, refusal.title, refusal.detail);
    response.route = "http";
    answer(std::move(response), true);
  }

  void answer(Response response, bool close) {
    m_phase = Phase::k_answering;
    m_status = response.status;
    m_route = response.route.empty() ? std::string("http") : response.route;
    auto& msg = m_message;
    msg = {};
    msg.version(11);
    auto body = std::move(response.body);
    // One range or none: the whole answer for several.
    const auto& range = m_range;
    if (!range.empty() && response.status == 200 && (m_method == "GET" || m_head) &&
        !body.empty()) {
      const auto& if_range = m_if_range;
      const auto* tag = header_value(response, "ETag");
      if (if_range.empty() || (tag != nullptr && *tag == if_range)) {
        if (auto r = single_range(range, body.size())) {
          if (r->first == body.size()) {
            response =
                m_shared.app.problem(416, "Range not satisfiable",
                                     "the answer has " + std::to_string(body.size()) + " bytes");
            response.headers.emplace_back("Content-Range",
                                          "bytes */" + std::to_string(body.size()));
            m_status = 416;
            body = std::move(response.body);
          } else {
            response.headers.emplace_back("Content-Range", "bytes " + std::to_string(r->first) +
                                                               "-" + std::to_string(r->second) +
                                                               "/" + std::to_string(body.size()));
            body = body.substr(r->first, r->second - r->first + 1);
            response.status = 206;
            m_status = 206;
          }
        }
      }
    }
    msg.result(static_cast<unsigned>(response.status));
    if (!response.content_type.empty() && !(response.status == 204 || response.status == 304))
      msg.set(bhttp::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) msg.insert(name, value);
    for (const auto& [name, value] : m_shared.app.default_headers)
      if (!has_header(response, name)) msg.insert(name, value);
    if (response.status != 204 && response.status != 304) {
      msg.content_length(body.size());
      if (!m_head) msg.body() = std::move(body);
    }
    bool keep = !close && !m_body_unread && !m_close_after && !m_shared.stopping &&
                m_reader.has_value() && m_reader->keep_alive();
    m_keep = keep;
    msg.keep_alive(keep);
    tcp_of(m_stream).expires_after(m_shared.limits.write);
    bhttp::async_write(m_stream, m_message,
                       beast::bind_front_handler(&Session::on_written, this->shared_from_this()));
  }

  void on_written(error_code ec, std::size_t) {
    if (m_shared.app.on_done) {
      Exchange e;
      e.method = m_method.empty() ? "-" : m_method;
      e.path = m_path.empty() ? m_request.path : m_path;
      e.remote = m_remote;
      e.route = m_route;
      e.status = m_status;
      auto start = m_started == Clock::time_point{} ? Clock::now() : m_started;
      e.seconds = std::chrono::duration<double>(Clock::now() - start).count();
      try {
        m_shared.app.on_done(e);
      } catch (const std::exception&) {
      }
    }
    m_message = {};
    m_range.clear();
    m_if_range.clear();
    m_method.clear();
    m_path.clear();
    m_started = {};
    if (ec) return shut_socket();
    if (m_keep) return wait_request();
    linger();
  }

  // Closing after an answer: unread body bytes are drained for a moment, so that the client
  // reads the answer instead of a reset.
  void linger() {
    m_phase = Phase::k_closing;
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      error_code ignored;
      m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      if (!m_body_unread) return shut_socket();
      m_stream.expires_after(k_linger);
      drain();
    } else {
      tcp_of(m_stream).expires_after(k_linger);
      m_stream.async_shutdown(
          [self = this->shared_from_this()](error_code) { self->shut_socket(); });
    }
  }

  void drain() {
    m_buffer.clear();
    m_stream.async_read_some(m_buffer.prepare(k_read_size),
                             [self = this->shared_from_this()](error_code ec, std::size_t n) {
                               self->m_drained += n;
                               if (ec || self->m_drained > k_linger_bytes)
                                 return self->shut_socket();
                               self->drain();
                             });
  }

 public:
  int m_listener = 0;

 private:
  Shared& m_shared;
  std::uint64_t m_id;
  std::string m_remote;
  Stream m_stream;
  beast::flat_buffer m_buffer;
  Request m_request;
  std::optional<Reader> m_reader;
  bhttp::response<bhttp::string_body> m_message;
  Phase m_phase = Phase::k_idle;
  Clock::time_point m_started{};
  std::string m_method, m_path, m_route;
  std::string m_range, m_if_range;  // of the request being answered
  int m_status = 0;
  bool m_head = false;
  bool m_keep = false;
  bool m_body_unread = false;
  bool m_close_after = false;
  std::size_t m_drained = 0;
};

}  // namespace

// ------------------------------------------------------------------------------------------------
// The server

struct Server::Impl {
  struct Listener {
    std::unique_ptr<tcp::acceptor> acceptor;
    int tag = 0;
    bool tls = false;
  };
  using Guard = asio::executor_work_guard<asio::io_context::executor_type>;

  Shared shared;
  std::optional<ssl::context> tls;
  // The listeners, signals and the stop run on `control` (the thread that calls run()); each
  // connection lives on one of `loops`, each run by one thread, so a connection's handlers never
  // change threads and a slow request holds up only the connections of its own loop.
  asio::io_context control{1};
  std::vector<std::unique_ptr<asio::io_context>> loops;
  std::vector<Guard> guards;
  std::atomic<std::size_t> next_loop{0};
  std::vector<Listener> listeners;
  std::size_t max_connections = 0;
  std::optional<asio::steady_timer> drain_timer;
  Clock::time_point drain_until{};
  std::optional<asio::signal_set> signals;

  Impl(Application app, Limits limits) : shared{std::move(app), limits} {
    auto count = std::max<std::size_t>(limits.threads, 1);
    for (std::size_t i = 0; i < count; ++i) {
      loops.push_back(std::make_unique<asio::io_context>(1));
      guards.push_back(asio::make_work_guard(*loops.back()));
    }
    // As many connections as file descriptors allow, keeping some for the workspace and logs.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
      if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
        getrlimit(RLIMIT_NOFILE, &files);
      }
      auto usable = files.rlim_cur > 256 ? files.rlim_cur - 128 : files.rlim_cur / 2;
      max_connections = std::min<std::size_t>(shared.limits.max_connections, usable);
    } else {
      max_connections = shared.limits.max_connections;
    }
  }

  asio::io_context& pick_loop() { return *loops[next_loop++ % loops.size()]; }

  void accept(Listener& l) {
    l.acceptor->async_accept(pick_loop(), [this, &l](error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || shared.stopping) return;
      if (ec) {
        // Out of descriptors or a transient error: try again shortly, not in a busy loop.
        auto timer = std::make_shared<asio::steady_timer>(control, std::chrono::milliseconds(50));
        timer->async_wait([this, &l, timer](error_code) {
          if (!shared.stopping) accept(l);
        });
        return;
      }
      start_session(l, std::move(socket));
      accept(l);
    });
  }

  void start_session(Listener& l, tcp::socket socket) {
    error_code ec;
    auto endpoint = socket.remote_endpoint(ec);
    if (ec) return;
    auto address = endpoint.address();
    if (address.is_v6() && address.to_v6().is_v4_mapped())
      address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    socket.set_option(tcp::no_delay(true), ec);
    auto id = shared.next_id++;
    auto remote = address.to_string();
    auto launch = [&](auto session) {
      session->m_listener = l.tag;
      // Not admitted: the session's destructor closes the socket.
      if (!shared.registry.admit(id, remote, session, max_connections)) return;
      session->start();
    };
    if (l.tls) {
      launch(std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
          shared, id, remote, std::move(socket), *tls));
    } else {
      launch(std::make_shared<Session<beast::tcp_stream>>(shared, id, remote, std::move(socket)));
    }
  }

  void begin_stop() {
    if (shared.stopping.exchange(true)) return;
    for (auto& l : listeners) {
      error_code ignored;
      l.acceptor->close(ignored);
    }
    if (signals) {
      error_code ignored;
      signals->cancel(ignored);
    }
    for (auto& c : shared.registry.all()) c->close_waiting(true);
    drain_until = Clock::now() + shared.limits.drain;
    drain_timer.emplace(control);
    check_drained();
  }

  // While stopping: done when every connection has closed (the loops then run out of work); at
  // the deadline the rest are closed.
  void check_drained() {
    auto open = shared.registry.all();
    if (open.empty()) {
      guards.clear();
      return;
    }
    if (Clock::now() >= drain_until) {
      for (auto& c : open) c->close_now();
      guards.clear();
      return;
    }
    drain_timer->expires_after(std::chrono::milliseconds(20));
    drain_timer->async_wait([this](error_code ec) {
      if (!ec) check_drained();
    });
  }
};

Server::Server(Application application, Limits limits)
    : m_impl(std::make_unique<Impl>(std::move(application), limits)) {}

Server::~Server() = default;

util::Result<void> Server::use_tls(const Tls& tls) {
  try {
    ssl::context context(ssl::context::tls_server);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                        ssl::context::single_dh_use | SSL_OP_NO_COMPRESSION |
                        SSL_OP_NO_RENEGOTIATION);
    context.use_certificate_chain_file(tls.certificate_chain_file);
    context.use_private_key_file(tls.private_key_file, ssl::context::pem);
    if (SSL_CTX_check_private_key(context.native_handle()) != 1)
      return util::fail(util::ErrorCode::k_invalid_input, "the key does not match the certificate");
    m_impl->tls.emplace(std::move(context));
  } catch (const boost::system::system_error& e) {
    return util::fail(util::ErrorCode::k_invalid_input,
                      "cannot use the certificate " + tls.certificate_chain_file + " and key " +
                          tls.private_key_file +
                          " (not PEM, or they do not match): " + e.code().message());
  }
  return {};
}

util::Result<int> Server::listen(const std::string& host, int port, int listener) {
  try {
    auto& ioc = m_impl->control;
    tcp::resolver resolver(ioc);
    auto results = resolver.resolve(host, std::to_string(port),
                                    tcp::resolver::numeric_service | tcp::resolver::passive);
    if (results.empty()) throw boost::system::system_error(asio::error::host_not_found);
    tcp::endpoint endpoint = *results.begin();
    auto acceptor = std::make_unique<tcp::acceptor>(ioc);
    acceptor->open(endpoint.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    acceptor->bind(endpoint);
    acceptor->listen(asio::socket_base::max_listen_connections);
    int bound = acceptor->local_endpoint().port();
    m_impl->listeners.push_back(
        Impl::Listener{std::move(acceptor), listener, m_impl->tls.has_value()});
    return bound;
  } catch (const boost::system::system_error& e) {
    return util::fail(util::ErrorCode::k_io, "cannot listen on " + host + ":" +
                                                 std::to_string(port) + ": " + e.code().message());
  }
}

void Server::run(bool stop_on_signals) {
  auto& impl = *m_impl;
  for (auto& l : impl.listeners) impl.accept(l);
  if (stop_on_signals) {
    impl.signals.emplace(impl.control, SIGTERM, SIGINT);
    impl.signals->async_wait([&impl](error_code ec, int) {
      if (!ec) impl.begin_stop();
    });
  }
  std::vector<std::thread> threads;
  for (auto& loop : impl.loops) threads.emplace_back([&loop] { loop->run(); });
  impl.control.run();
  for (auto& t : threads) t.join();
}

void Server::stop() {
  asio::post(m_impl->control, [impl = m_impl.get()] { impl->begin_stop(); });
}

Parsed parse_request(std::string_view bytes, const Limits& limits, std::size_t body_limit) {
  Parsed out;
  Request request;
  Reader reader(limits, request);
  std::size_t offset = 0;
  auto refused = [&](const Refusal& r) {
    out.status = r.status;
    out.detail = r.detail;
    out.consumed = offset;
    return out;
  };
  for (;;) {
    std::size_t used = 0;
    auto state = reader.put(bytes.substr(offset), used);
    offset += used;
    switch (state) {
      case Reader::State::k_more:
        out.consumed = offset;
        return out;
      case Reader::State::k_refused:
        return refused(reader.refusal());
      case Reader::State::k_head:
        if (auto r = reader.accept_head(request)) return refused(*r);
        if (auto r = reader.set_body_limit(body_limit)) return refused(*r);
        if (!reader.has_body()) {
          out.consumed = offset;
          out.request = std::move(request);
          return out;
        }
        continue;
      case Reader::State::k_done:
        out.consumed = offset;
        out.request = std::move(request);
        return out;
    }
  }
}

}  // namespace cyberframe::server::http
