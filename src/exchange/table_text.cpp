#include "exchange/table_text.hpp"

#include <charconv>

#include "util/text.hpp"

namespace cyberframe::exchange::table {

std::string_view trim_view(std::string_view s) {
  constexpr std::string_view k_space = " \t\r\n";
  auto first = s.find_first_not_of(k_space);
  if (first == std::string_view::npos) return {};
  auto last = s.find_last_not_of(k_space);
  return s.substr(first, last - first + 1);
}

bool equals_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && util::starts_with_ci(a, b);
}

WholeNumber parse_whole(std::string_view text) {
  WholeNumber out;
  auto dot = text.find('.');
  if (dot != std::string_view::npos) {
    auto fraction = text.substr(dot + 1);
    if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos) return out;
    text = text.substr(0, dot);
  }
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return out;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out.value);
  if (ec == std::errc::result_out_of_range && ptr == text.data() + text.size()) {
    out.kind = WholeNumber::Kind::k_too_large;
    return out;
  }
  if (ec != std::errc() || ptr != text.data() + text.size()) return out;
  out.kind = WholeNumber::Kind::k_ok;
  return out;
}

std::optional<bool> parse_flag(std::string_view text) {
  if (text.empty()) return false;
  for (auto yes : {"true", "yes", "1"}) {
    if (equals_ci(text, yes)) return true;
  }
  for (auto no : {"false", "no", "0"}) {
    if (equals_ci(text, no)) return false;
  }
  if (auto n = parse_whole(text);
      n.kind == WholeNumber::Kind::k_ok && (n.value == 0 || n.value == 1))
    return n.value == 1;  // "1.0" from a spreadsheet
  return std::nullopt;
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i != 0) out += ',';
    out += util::csv_field(cells[i]);
  }
  out += "\r\n";
  return out;
}

CsvReader::Status CsvReader::next(std::vector<std::string>& cells, std::size_t& count) {
  if (m_pos >= m_text.size()) return Status::k_end;
  count = 0;
  for (;;) {
    if (count == m_max_fields) {
      m_bad_field = count;
      return Status::k_too_many_fields;
    }
    if (count == cells.size()) cells.emplace_back();
    auto& field = cells[count++];
    field.clear();
    if (m_pos < m_text.size() && m_text[m_pos] == '"') {
      ++m_pos;
      for (;;) {
        auto quote = m_text.find('"', m_pos);
        if (quote == std::string_view::npos) {
          m_bad_field = count - 1;
          return Status::k_unterminated;
        }
        if (field.size() + (quote - m_pos) > m_max_field_bytes) {
          m_bad_field = count - 1;
          return Status::k_field_too_large;
        }
        field.append(m_text, m_pos, quote - m_pos);
        m_pos = quote + 1;
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
          field += '"';
          ++m_pos;
          continue;
        }
        break;
      }
      if (m_pos >= m_text.size()) return Status::k_record;
      char c = m_text[m_pos];
      if (c == ',') {
        ++m_pos;
        continue;
      }
      if (c == '\n' || c == '\r') {
        end_line();
        return Status::k_record;
      }
      m_bad_field = count - 1;
      return Status::k_text_after_quote;
    }
    auto end = m_text.find_first_of(",\r\n", m_pos);
    if (end == std::string_view::npos) end = m_text.size();
    if (end - m_pos > m_max_field_bytes) {
      m_bad_field = count - 1;
      return Status::k_field_too_large;
    }
    field.assign(m_text, m_pos, end - m_pos);
    m_pos = end;
    if (m_pos >= m_text.size()) return Status::k_record;
    if (m_text[m_pos] == ',') {
      ++m_pos;
      continue;
    }
    end_line();
    return Status::k_record;
  }
}

void CsvReader::end_line() {
  if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') ++m_pos;
  ++m_pos;
}

}  // namespace cyberframe::exchange::table
