#include "util/json.hpp"

#include <cmath>
#include <iterator>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

namespace cyberframe::util {

namespace {

// An iterator over the text that records how far the parser has read, so that the SAX handler,
// which nlohmann gives no position, can say where it is.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char* base = nullptr;
  std::size_t* read = nullptr;  // characters handed to the parser so far

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    ++at;
    *read = static_cast<std::size_t>(at - base);
    return *this;
  }
  CountingIterator operator++(int) {
    auto copy = *this;
    ++*this;
    return copy;
  }
  bool operator==(const CountingIterator& other) const { return at == other.at; }
};

// The 1-based offset of `token`'s first character, given that the parser has read `read`
// characters and stopped at the token's end or one character past it.
std::size_t token_start(std::string_view text, std::size_t read, std::string_view token) {
  for (std::size_t past : {std::size_t{1}, std::size_t{0}}) {
    if (read < past + token.size()) continue;
    auto start = read - past - token.size();
    if (text.substr(start, token.size()) == token) return start + 1;
  }
  return read;
}

bool is_integer_literal(std::string_view s) {
  return s.find_first_of(".eE") == std::string_view::npos;
}

template <typename JsonT>
class Builder : public nlohmann::json_sax<JsonT> {
 public:
  using number_integer_t = typename JsonT::number_integer_t;
  using number_unsigned_t = typename JsonT::number_unsigned_t;
  using number_float_t = typename JsonT::number_float_t;
  using string_t = typename JsonT::string_t;
  using binary_t = typename JsonT::binary_t;
  using object_t = typename JsonT::object_t;

  Builder(std::string_view text, Budget& budget, const std::size_t& read)
      : m_text(text), m_budget(budget), m_read(read) {}

  JsonT root;
  std::optional<JsonError> error;

  bool null() override { return value(JsonT(nullptr)); }
  bool boolean(bool v) override { return value(JsonT(v)); }
  bool number_integer(number_integer_t v) override { return value(JsonT(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(JsonT(v)); }
  bool number_float(number_float_t v, const string_t& s) override {
    if (!std::isfinite(v) || is_integer_literal(s)) return out_of_range(m_read, s);
    return value(JsonT(v));
  }
  bool string(string_t& s) override {
    if (!check_item(s)) return false;
    return value(JsonT(std::move(s)));
  }
  bool binary(binary_t&) override { return value(JsonT(nullptr)); }  // never in JSON text

  bool start_object(std::size_t) override { return open(JsonT::object()); }
  bool start_array(std::size_t) override { return open(JsonT::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    if (!check_item(k) || !charge_node()) return false;
    auto& frame = m_open.back();
    auto& object = frame.value->template get_ref<object_t&>();
    // Small objects are searched; a large one gets a hash set of its keys.
    bool duplicate = false;
    if (frame.keys) {
      duplicate = !frame.keys->insert(k).second;
    } else {
      for (const auto& entry : object) {
        if (entry.first == k) {
          duplicate = true;
          break;
        }
      }
      if (!duplicate && object.size() >= 16) {
        frame.keys = std::make_unique<std::unordered_set<std::string>>();
        for (const auto& entry : object) frame.keys->insert(entry.first);
        frame.keys->insert(k);
      }
    }
    if (duplicate) {
      // The parser has read the key's closing quote: point at its opening one.
      auto at = m_read >= k.size() + 2 ? m_read - k.size() - 1 : m_read;
      return fail(JsonError::Kind::k_duplicate_key, at, "duplicate key '" + k + "'");
    }
    if constexpr (std::is_same_v<JsonT, nlohmann::ordered_json>) {
      // ordered_map is a vector of pairs; its own emplace searches it first.
      using Vector = std::vector<std::pair<const std::string, JsonT>>;
      auto& entries = static_cast<Vector&>(object);
      entries.emplace_back(std::move(k), JsonT());
      frame.slot = &entries.back().second;
    } else {
      frame.slot = &object.emplace(std::move(k), JsonT()).first->second;
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& e) override {
    if (e.id == 406) return out_of_range(position, last_token);  // number overflow: 1e400
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    auto colon = what.find(": ", what.find("parse error"));
    return fail(JsonError::Kind::k_syntax, position,
                colon == std::string::npos ? what : what.substr(colon + 2));
  }

 private:
  struct Frame {
    JsonT* value = nullptr;
    JsonT* slot = nullptr;  // an object's value for the key just read
    std::unique_ptr<std::unordered_set<std::string>> keys;
  };

  bool fail(JsonError::Kind kind, std::size_t byte, std::string message) {
    if (!error) error = JsonError{kind, byte, std::move(message)};
    return false;
  }
  bool out_of_range(std::size_t read, const std::string& token) {
    return fail(JsonError::Kind::k_number, token_start(m_text, read, token), "number out of range");
  }
  bool limit(const std::unexpected<Error>& e) {
    return fail(JsonError::Kind::k_limit, m_read, e.error().message);
  }
  bool charge_node() {
    if (auto ok = m_budget.charge(Limit::k_nodes, 1, ""); !ok)
      return limit(std::unexpected(ok.error()));
    return true;
  }
  bool check_item(const string_t& s) {
    if (auto ok = m_budget.check(Limit::k_item_bytes, s.size(), ""); !ok)
      return limit(std::unexpected(ok.error()));
    return true;
  }

  // Where the next value goes: the root, the end of the open array, or the open object's slot.
  JsonT* place(JsonT&& v) {
    if (m_open.empty()) {
      root = std::move(v);
      return &root;
    }
    auto& frame = m_open.back();
    if (frame.value->is_array()) {
      auto& array = frame.value->template get_ref<typename JsonT::array_t&>();
      array.push_back(std::move(v));
      return &array.back();
    }
    *frame.slot = std::move(v);
    return frame.slot;
  }

  bool value(JsonT&& v) {
    if (!charge_node()) return false;
    place(std::move(v));
    return true;
  }
  bool open(JsonT&& v) {
    if (!charge_node()) return false;
    if (auto ok = m_budget.check(Limit::k_depth, m_open.size() + 1, ""); !ok)
      return limit(std::unexpected(ok.error()));
    Frame frame;
    frame.value = place(std::move(v));
    m_open.push_back(std::move(frame));
    return true;
  }
  bool close() {
    m_open.pop_back();
    return true;
  }

  std::string_view m_text;
  Budget& m_budget;
  const std::size_t& m_read;
  std::vector<Frame> m_open;
};

}  // namespace

// An upper bound on the nodes of a JSON text, from its punctuation outside strings: every value
// but the first follows a '[', ',' or ':', every key a '{' or ','.
std::size_t most_nodes(std::string_view text) {
  std::size_t count = 1;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{' || c == ',' || c == ':') {
      ++count;
    }
  }
  return count;
}

// Counts without keeping anything: the first pass over a text that may be past the node limit.
template <typename JsonT>
class Counter : public nlohmann::json_sax<JsonT> {
 public:
  Counter(Budget& budget, const std::size_t& read) : m_budget(budget), m_read(read) {}
  std::optional<JsonError> error;

  bool null() override { return node(); }
  bool boolean(bool) override { return node(); }
  bool number_integer(typename JsonT::number_integer_t) override { return node(); }
  bool number_unsigned(typename JsonT::number_unsigned_t) override { return node(); }
  bool number_float(typename JsonT::number_float_t, const typename JsonT::string_t&) override {
    return node();
  }
  bool string(typename JsonT::string_t&) override { return node(); }
  bool binary(typename JsonT::binary_t&) override { return node(); }
  bool key(typename JsonT::string_t&) override { return node(); }
  bool start_object(std::size_t) override { return open(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;  // the second pass reports it
  }

 private:
  bool node() {
    if (auto ok = m_budget.charge(Limit::k_nodes, 1, ""); !ok) {
      error = JsonError{JsonError::Kind::k_limit, m_read, ok.error().message};
      return false;
    }
    return true;
  }
  bool open() {
    if (auto ok = m_budget.check(Limit::k_depth, ++m_depth, ""); !ok) {
      error = JsonError{JsonError::Kind::k_limit, m_read, ok.error().message};
      return false;
    }
    return node();
  }
  bool close() {
    --m_depth;
    return true;
  }
  Budget& m_budget;
  const std::size_t& m_read;
  std::size_t m_depth = 0;
};

template <typename JsonT>
std::expected<JsonT, JsonError> parse_json(std::string_view text, Budget& budget) {
  std::size_t read = 0;
  CountingIterator first{text.data(), text.data(), &read};
  CountingIterator last{text.data() + text.size(), text.data(), &read};
  // A text that may hold more nodes than the limit is counted first, keeping nothing, so that
  // one past the limit is refused before anything of it is built.
  if (budget.limits().nodes != 0 && most_nodes(text) > budget.limits().nodes) {
    Budget probe = budget;
    Counter<JsonT> counter(probe, read);
    JsonT::sax_parse(first, last, &counter);
    if (counter.error) return std::unexpected(std::move(*counter.error));
    read = 0;
  }
  Builder<JsonT> builder(text, budget, read);
  bool ok = JsonT::sax_parse(first, last, &builder);
  if (builder.error) return std::unexpected(std::move(*builder.error));
  if (!ok) return std::unexpected(JsonError{JsonError::Kind::k_syntax, read, "not valid JSON"});
  return std::move(builder.root);
}

template std::expected<nlohmann::json, JsonError> parse_json<nlohmann::json>(std::string_view,
                                                                             Budget&);
template std::expected<nlohmann::ordered_json, JsonError> parse_json<nlohmann::ordered_json>(
    std::string_view, Budget&);

std::pair<std::size_t, std::size_t> line_column_of_byte(std::string_view text, std::size_t byte) {
  std::size_t offset = byte > 0 ? std::min(byte - 1, text.size()) : 0;
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace cyberframe::util
