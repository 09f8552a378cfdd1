#include "oscal/markup.hpp"

#include <libxml/tree.h>

#include <array>
#include <cstring>
#include <vector>

#include "util/text.hpp"

namespace cyberframe::oscal::markup {

std::string_view name_of(const _xmlNode* node) {
  return node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : "";
}

bool in_oscal_namespace(const _xmlNode* node) {
  return node->ns && node->ns->href &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), k_namespace) == 0;
}

namespace {

constexpr int k_max_markup_depth = 64;

std::string attribute(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    if (a->children && a->children->content)
      return reinterpret_cast<const char*>(a->children->content);
    return {};
  }
  return {};
}

bool has_attribute(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a; a = a->next)
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) return true;
  return false;
}

util::Error located(const xmlNode* node, std::string message) {
  return util::Error{util::ErrorCode::k_invalid_input,
                     "line " + std::to_string(xmlGetLineNo(node)) + ": " + std::move(message)};
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view text_of(const xmlNode* node) {
  return node->content ? std::string_view(reinterpret_cast<const char*>(node->content)) : "";
}

// Text in Markdown: runs of XML whitespace collapse to one space; markup characters escaped.
void append_markdown_text(std::string_view text, std::string& out) {
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_space(c)) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    space = false;
    switch (c) {
      case '\\':
      case '*':
      case '`':
      case '"':
      case '~':
      case '^':
        out += '\\';
        out += c;
        break;
      case '[':
        // Only where it could open a link: "[...](".
        if (text.find("](", i) != std::string_view::npos) out += '\\';
        out += c;
        break;
      case '{':
        if (i + 1 < text.size() && text[i + 1] == '{') out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
}

util::Result<void> inline_children(const xmlNode* element, std::string& out, int depth);
std::size_t ol_marker(std::string_view line);
bool starts_block(std::string_view line);

util::Result<void> inline_node(const xmlNode* node, std::string& out, int depth) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    append_markdown_text(text_of(node), out);
    return {};
  }
  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE) return {};
  if (node->type != XML_ELEMENT_NODE)
    return std::unexpected(located(node, "unexpected content in markup"));
  if (depth > k_max_markup_depth) return std::unexpected(located(node, "markup nested too deeply"));
  if (!in_oscal_namespace(node))
    return std::unexpected(located(
        node, "element '" + std::string(name_of(node)) + "' is not in the OSCAL namespace"));
  auto name = name_of(node);
  auto wrap = [&](std::string_view marker) -> util::Result<void> {
    out += marker;
    auto r = inline_children(node, out, depth + 1);
    out += marker;
    return r;
  };
  if (name == "em" || name == "i") return wrap("*");
  if (name == "strong" || name == "b") return wrap("**");
  if (name == "q") return wrap("\"");
  if (name == "sub") return wrap("~");
  if (name == "sup") return wrap("^");
  if (name == "code") {
    std::string content;
    for (const xmlNode* c = node->children; c; c = c->next)
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        content += text_of(c);
      } else if (c->type == XML_ELEMENT_NODE) {
        return std::unexpected(
            located(c, "element '" + std::string(name_of(c)) + "' is not allowed in <code>"));
      }
    std::string collapsed;
    bool space = false;
    for (char ch : content) {
      if (is_space(ch)) {
        if (!space) collapsed += ' ';
        space = true;
      } else {
        space = false;
        collapsed += ch;
      }
    }
    std::string fence = collapsed.find('`') == std::string::npos ? "`" : "``";
    out += fence;
    if (fence.size() > 1) out += ' ';
    out += collapsed;
    if (fence.size() > 1) out += ' ';
    out += fence;
    return {};
  }
  if (name == "a") {
    out += '[';
    if (auto r = inline_children(node, out, depth + 1); !r) return r;
    out += "](";
    out += attribute(node, "href");
    out += ')';
    return {};
  }
  if (name == "insert") {
    if (!has_attribute(node, "type") || !has_attribute(node, "id-ref"))
      return std::unexpected(located(node, "<insert> needs the attributes type and id-ref"));
    out += "{{ insert: ";
    out += attribute(node, "type");
    out += ", ";
    out += attribute(node, "id-ref");
    out += " }}";
    return {};
  }
  if (name == "img") {
    out += "![";
    append_markdown_text(attribute(node, "alt"), out);
    out += "](";
    out += attribute(node, "src");
    if (has_attribute(node, "title")) {
      out += " \"";
      out += attribute(node, "title");
      out += '"';
    }
    out += ')';
    return {};
  }
  if (name == "br") {
    out += "\\\n";
    return {};
  }
  return std::unexpected(
      located(node, "element '" + std::string(name) + "' is not allowed in inline markup"));
}

util::Result<void> inline_children(const xmlNode* element, std::string& out, int depth) {
  for (const xmlNode* c = element->children; c; c = c->next)
    if (auto r = inline_node(c, out, depth); !r) return r;
  return {};
}

// Block markup. `prefix` is put before every line after the first (for list nesting/quotes).
util::Result<void> block(const xmlNode* node, std::string& out, int depth);

// Joins rendered blocks with blank lines.
util::Result<std::string> render_blocks(const std::vector<const xmlNode*>& blocks, int depth) {
  std::string out;
  bool first = true;
  for (const auto* b : blocks) {
    if (!first) out += "\n\n";
    first = false;
    if (auto r = block(b, out, depth); !r) return std::unexpected(r.error());
  }
  return out;
}

void indent_lines(std::string_view text, std::string_view prefix, std::string& out) {
  // The first line is not prefixed; each later non-empty line is.
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    auto line =
        text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
    if (!first) {
      out += '\n';
      if (!line.empty()) out += prefix;
    }
    out += line;
    first = false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

util::Result<void> list(const xmlNode* node, bool ordered, std::string& out, int depth) {
  bool first = true;
  for (const xmlNode* li = node->children; li; li = li->next) {
    if (li->type == XML_TEXT_NODE && is_whitespace_only(text_of(li))) continue;
    if (li->type == XML_COMMENT_NODE) continue;
    if (li->type != XML_ELEMENT_NODE || name_of(li) != "li" || !in_oscal_namespace(li))
      return std::unexpected(located(li, "a list may hold only <li> elements"));
    if (!first) out += '\n';
    first = false;
    out += ordered ? "1. " : "* ";
    std::string item;
    std::vector<const xmlNode*> nested;
    bool leading = true;
    // With <p> inside, whitespace-only text between the blocks is layout, not content.
    bool has_blocks = false;
    for (const xmlNode* c = li->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && name_of(c) == "p") has_blocks = true;
    for (const xmlNode* c = li->children; c; c = c->next) {
      if (has_blocks && c->type == XML_TEXT_NODE && is_whitespace_only(text_of(c))) continue;
      bool is_list = c->type == XML_ELEMENT_NODE && in_oscal_namespace(c) &&
                     (name_of(c) == "ul" || name_of(c) == "ol");
      if (is_list) {
        nested.push_back(c);
        continue;
      }
      if (!nested.empty()) {
        if (c->type == XML_TEXT_NODE && is_whitespace_only(text_of(c))) continue;
        return std::unexpected(located(c, "text after a nested list in <li> is not supported"));
      }
      if (c->type == XML_ELEMENT_NODE && in_oscal_namespace(c) && name_of(c) == "p") {
        if (!leading) item += ' ';
        if (auto r = inline_children(c, item, depth + 1); !r) return r;
        leading = false;
        continue;
      }
      if (auto r = inline_node(c, item, depth + 1); !r) return r;
      leading = false;
    }
    // Whitespace before a nested list is layout.
    if (!nested.empty())
      while (!item.empty() && item.back() == ' ') item.pop_back();
    out += item;
    for (const auto* n : nested) {
      std::string inner;
      if (auto r = block(n, inner, depth + 1); !r) return r;
      out += "\n    ";
      indent_lines(inner, "    ", out);
    }
  }
  return {};
}

util::Result<void> table(const xmlNode* node, std::string& out, int depth) {
  bool first_row = true;
  for (const xmlNode* tr = node->children; tr; tr = tr->next) {
    if (tr->type == XML_TEXT_NODE && is_whitespace_only(text_of(tr))) continue;
    if (tr->type == XML_COMMENT_NODE) continue;
    if (tr->type != XML_ELEMENT_NODE || name_of(tr) != "tr")
      return std::unexpected(located(tr, "a table may hold only <tr> elements"));
    std::string row = "|";
    std::size_t cells = 0;
    bool header = false;
    for (const xmlNode* cell = tr->children; cell; cell = cell->next) {
      if (cell->type == XML_TEXT_NODE && is_whitespace_only(text_of(cell))) continue;
      if (cell->type == XML_COMMENT_NODE) continue;
      if (cell->type != XML_ELEMENT_NODE || (name_of(cell) != "td" && name_of(cell) != "th"))
        return std::unexpected(located(cell, "a table row may hold only <th> and <td>"));
      header = name_of(cell) == "th";
      std::string content;
      if (auto r = inline_children(cell, content, depth + 1); !r) return r;
      row += ' ';
      for (char c : content) {
        if (c == '|') row += '\\';
        row += c;
      }
      row += " |";
      ++cells;
    }
    if (!first_row) out += '\n';
    out += row;
    if (first_row) {
      // Markdown tables need a header row; a first row of <td> is marked so it reads back as td.
      out += '\n';
      out += '|';
      for (std::size_t i = 0; i < cells; ++i) out += header ? " --- |" : " :-: |";
    }
    first_row = false;
  }
  return {};
}

util::Result<void> block(const xmlNode* node, std::string& out, int depth) {
  if (depth > k_max_markup_depth) return std::unexpected(located(node, "markup nested too deeply"));
  if (!in_oscal_namespace(node))
    return std::unexpected(located(
        node, "element '" + std::string(name_of(node)) + "' is not in the OSCAL namespace"));
  auto name = name_of(node);
  if (name == "p") {
    std::string text;
    if (auto r = inline_children(node, text, depth + 1); !r) return r;
    // Text that would read as the start of another block gets its marker escaped.
    if (auto marker = ol_marker(text)) {
      text.insert(marker - 2, "\\");
    } else if (starts_block(text) || text.starts_with("#")) {
      text.insert(0, "\\");
    }
    out += text;
    return {};
  }
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
    out.append(static_cast<std::size_t>(name[1] - '0'), '#');
    out += ' ';
    return inline_children(node, out, depth + 1);
  }
  if (name == "ul" || name == "ol") return list(node, name == "ol", out, depth);
  if (name == "pre") {
    out += "```\n";
    for (const xmlNode* c = node->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        out += text_of(c);
      } else if (c->type == XML_ELEMENT_NODE) {
        return std::unexpected(
            located(c, "element '" + std::string(name_of(c)) + "' is not supported in <pre>"));
      }
    }
    out += "\n```";
    return {};
  }
  if (name == "hr") {
    out += "---";
    return {};
  }
  if (name == "blockquote") {
    auto inner = multiline_to_markdown(node);
    if (!inner) return std::unexpected(inner.error());
    out += "> ";
    indent_lines(*inner, "> ", out);
    return {};
  }
  if (name == "table") return table(node, out, depth);
  return std::unexpected(
      located(node, "element '" + std::string(name) + "' is not allowed in block markup"));
}

// ---- Markdown to XML ----------------------------------------------------------------------

bool is_escapable(char c) {
  return std::strchr("\\`*_{}[]()#+-.!\"~^|<>&:", c) != nullptr && c != '\0';
}

// Finds the closing `marker` from `from`, skipping escapes and (for a single '*') pairs '**'.
std::size_t find_closing(std::string_view s, std::size_t from, std::string_view marker) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '`') {  // code spans are opaque
      auto end = s.find('`', i + 1);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end;
      continue;
    }
    if (s.substr(i, marker.size()) == marker) {
      if (marker == "*" && i + 1 < s.size() && s[i + 1] == '*') {
        ++i;
        continue;
      }
      return i;
    }
  }
  return std::string_view::npos;
}

void inline_xml(std::string_view s, std::string& out, int depth);

void element(std::string& out, std::string_view name, std::string_view content, int depth) {
  out += '<';
  out += name;
  out += '>';
  inline_xml(content, out, depth + 1);
  out += "</";
  out += name;
  out += '>';
}

void inline_xml(std::string_view s, std::string& out, int depth) {
  std::size_t i = 0;
  std::string text;
  auto flush = [&] {
    append_xml_text(text, out);
    text.clear();
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      if (s[i + 1] == '\n') {
        flush();
        out += "<br/>";
        i += 2;
        continue;
      }
      if (is_escapable(s[i + 1])) {
        text += s[i + 1];
        i += 2;
        continue;
      }
    }
    if (depth < k_max_markup_depth) {
      if (c == '{' && s.substr(i, 10) == "{{ insert:") {
        auto end = s.find("}}", i);
        if (end != std::string_view::npos) {
          auto inner = s.substr(i + 10, end - i - 10);
          auto comma = inner.find(',');
          if (comma != std::string_view::npos) {
            auto trim = [](std::string_view v) {
              while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
              while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
              return v;
            };
            flush();
            out += "<insert type=\"";
            append_xml_attribute(trim(inner.substr(0, comma)), out);
            out += "\" id-ref=\"";
            append_xml_attribute(trim(inner.substr(comma + 1)), out);
            out += "\"/>";
            i = end + 2;
            continue;
          }
        }
      }
      if (c == '*' && s.substr(i, 2) == "**") {
        auto end = find_closing(s, i + 2, "**");
        if (end != std::string_view::npos && end > i + 2) {
          flush();
          element(out, "strong", s.substr(i + 2, end - i - 2), depth);
          i = end + 2;
          continue;
        }
      } else if (c == '*' || c == '"' || c == '~' || c == '^') {
        auto end = find_closing(s, i + 1, std::string_view(&s[i], 1));
        if (end != std::string_view::npos && end > i + 1) {
          flush();
          const char* name = c == '*' ? "em" : c == '"' ? "q" : c == '~' ? "sub" : "sup";
          element(out, name, s.substr(i + 1, end - i - 1), depth);
          i = end + 1;
          continue;
        }
      } else if (c == '`') {
        bool dbl = s.substr(i, 2) == "``";
        std::string_view fence = dbl ? "``" : "`";
        auto end = s.find(fence, i + fence.size());
        if (end != std::string_view::npos) {
          auto content = s.substr(i + fence.size(), end - i - fence.size());
          if (dbl && content.size() >= 2 && content.front() == ' ' && content.back() == ' ')
            content = content.substr(1, content.size() - 2);
          flush();
          out += "<code>";
          append_xml_text(content, out);
          out += "</code>";
          i = end + fence.size();
          continue;
        }
      } else if (c == '[' || (c == '!' && s.substr(i, 2) == "![")) {
        bool image = c == '!';
        std::size_t open = image ? i + 1 : i;
        // The closing bracket, allowing nested brackets and escapes.
        int level = 0;
        std::size_t close = std::string_view::npos;
        for (std::size_t j = open; j < s.size(); ++j) {
          if (s[j] == '\\') {
            ++j;
            continue;
          }
          if (s[j] == '[') ++level;
          if (s[j] == ']' && --level == 0) {
            close = j;
            break;
          }
        }
        if (close != std::string_view::npos && close + 1 < s.size() && s[close + 1] == '(') {
          auto end = s.find(')', close + 2);
          if (end != std::string_view::npos) {
            auto label = s.substr(open + 1, close - open - 1);
            auto target = s.substr(close + 2, end - close - 2);
            flush();
            if (image) {
              std::string_view src = target, title;
              bool has_title = false;
              auto quote = target.find(" \"");
              if (quote != std::string_view::npos && target.back() == '"') {
                src = target.substr(0, quote);
                title = target.substr(quote + 2, target.size() - quote - 3);
                has_title = true;
              }
              out += "<img alt=\"";
              std::string alt;
              for (std::size_t k = 0; k < label.size(); ++k) {
                if (label[k] == '\\' && k + 1 < label.size() && is_escapable(label[k + 1])) ++k;
                alt += label[k];
              }
              append_xml_attribute(alt, out);
              out += "\" src=\"";
              append_xml_attribute(src, out);
              out += '"';
              if (has_title) {
                out += " title=\"";
                append_xml_attribute(title, out);
                out += '"';
              }
              out += "/>";
            } else {
              out += "<a href=\"";
              append_xml_attribute(target, out);
              out += "\">";
              inline_xml(label, out, depth + 1);
              out += "</a>";
            }
            i = end + 1;
            continue;
          }
        }
      }
    }
    text += c;
    ++i;
  }
  flush();
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    auto end = s.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool is_ul_item(std::string_view line) {
  return line.size() >= 2 && (line[0] == '*' || line[0] == '-' || line[0] == '+') && line[1] == ' ';
}

// "1. " etc.; returns the length of the marker or 0.
std::size_t ol_marker(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 9 && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 || i + 1 >= line.size() || line[i] != '.' || line[i + 1] != ' ') return 0;
  return i + 2;
}

std::size_t heading_level(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == '#') ++n;
  if (n >= 1 && n <= 6 && n < line.size() && line[n] == ' ') return n;
  return 0;
}

bool starts_block(std::string_view line) {
  return line.starts_with("```") || heading_level(line) || line.starts_with("> ") || line == ">" ||
         is_ul_item(line) || ol_marker(line) || line.starts_with("|") || line == "---";
}

void blocks_xml(const std::vector<std::string_view>& lines, std::string& out, int depth);

std::vector<std::string_view> split_cells(std::string_view row) {
  std::vector<std::string_view> cells;
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|' && (row.size() < 2 || row[row.size() - 2] != '\\'))
    row.remove_suffix(1);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= row.size(); ++i) {
    if (i < row.size() && row[i] == '\\') {
      ++i;
      continue;
    }
    if (i == row.size() || row[i] == '|') {
      auto cell = row.substr(start, i - start);
      if (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
      if (!cell.empty() && cell.back() == ' ' &&
          !(cell.size() >= 2 && cell[cell.size() - 2] == '\\'))
        cell.remove_suffix(1);
      cells.push_back(cell);
      start = i + 1;
    }
  }
  return cells;
}

bool is_separator_row(std::string_view row) {
  if (row.empty() || row.front() != '|') return false;
  for (char c : row)
    if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
  return true;
}

void blocks_xml(const std::vector<std::string_view>& lines, std::string& out, int depth) {
  std::size_t i = 0;
  while (i < lines.size()) {
    auto line = lines[i];
    if (line.empty() || is_whitespace_only(line)) {
      ++i;
      continue;
    }
    if (line.starts_with("```")) {
      std::string content;
      std::size_t j = i + 1;
      bool first = true;
      while (j < lines.size() && lines[j] != "```") {
        if (!first) content += '\n';
        content += lines[j];
        first = false;
        ++j;
      }
      out += "<pre>";
      append_xml_text(content, out);
      out += "</pre>";
      i = j + 1;
      continue;
    }
    if (auto level = heading_level(line)) {
      std::string name = "h" + std::to_string(level);
      element(out, name, line.substr(level + 1), depth);
      ++i;
      continue;
    }
    if (line == "---") {
      out += "<hr/>";
      ++i;
      continue;
    }
    if (line.starts_with("> ") || line == ">") {
      std::vector<std::string_view> inner;
      while (i < lines.size() && (lines[i].starts_with("> ") || lines[i] == ">")) {
        inner.push_back(lines[i].size() > 2 ? lines[i].substr(2) : std::string_view{});
        ++i;
      }
      out += "<blockquote>";
      if (depth < k_max_markup_depth) blocks_xml(inner, out, depth + 1);
      out += "</blockquote>";
      continue;
    }
    if (is_ul_item(line) || ol_marker(line)) {
      bool ordered = ol_marker(line) != 0;
      out += ordered ? "<ol>" : "<ul>";
      while (i < lines.size() && (ordered ? ol_marker(lines[i]) != 0 : is_ul_item(lines[i]))) {
        auto marker = ordered ? ol_marker(lines[i]) : 2;
        auto text = lines[i].substr(std::min(marker, lines[i].size()));
        ++i;
        std::vector<std::string_view> nested;
        while (i < lines.size() && (lines[i].starts_with("    ") || lines[i].starts_with("\t"))) {
          nested.push_back(lines[i].substr(lines[i].starts_with("\t") ? 1 : 4));
          ++i;
        }
        out += "<li>";
        inline_xml(text, out, depth + 1);
        if (!nested.empty() && depth < k_max_markup_depth) blocks_xml(nested, out, depth + 1);
        out += "</li>";
      }
      out += ordered ? "</ol>" : "</ul>";
      continue;
    }
    if (line.starts_with("|")) {
      out += "<table>";
      bool header = i + 1 < lines.size() && is_separator_row(lines[i + 1]);
      bool td_header = header && lines[i + 1].find(':') != std::string_view::npos;
      bool first = true;
      while (i < lines.size() && lines[i].starts_with("|")) {
        if (!first && is_separator_row(lines[i])) {
          ++i;
          continue;
        }
        const char* cell_name = first && header && !td_header ? "th" : "td";
        out += "<tr>";
        for (auto cell : split_cells(lines[i])) element(out, cell_name, cell, depth);
        out += "</tr>";
        first = false;
        ++i;
      }
      out += "</table>";
      continue;
    }
    // A paragraph: lines up to a blank line or the start of another block.
    std::size_t start = i;
    ++i;
    while (i < lines.size() && !lines[i].empty() && !starts_block(lines[i])) ++i;
    std::string text;
    for (std::size_t k = start; k < i; ++k) {
      if (k > start) text += '\n';
      text += lines[k];
    }
    // A paragraph beginning with an escaped block marker: the backslash is only an escape.
    out += "<p>";
    inline_xml(text, out, depth + 1);
    out += "</p>";
  }
}

}  // namespace

bool is_block_element(std::string_view name) {
  static constexpr std::array<std::string_view, 14> k_blocks = {
      "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "blockquote", "table", "hr", ""};
  for (auto b : k_blocks)
    if (!b.empty() && b == name) return true;
  return false;
}

util::Result<std::string> inline_to_markdown(const _xmlNode* element) {
  std::string out;
  if (auto r = inline_children(element, out, 0); !r) return std::unexpected(r.error());
  return out;
}

util::Result<std::string> blocks_to_markdown(std::span<const _xmlNode* const> blocks) {
  std::vector<const xmlNode*> list(blocks.begin(), blocks.end());
  return render_blocks(list, 0);
}

util::Result<std::string> multiline_to_markdown(const _xmlNode* element) {
  std::vector<const xmlNode*> blocks;
  for (const xmlNode* c = element->children; c; c = c->next) {
    if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) continue;
    if (c->type == XML_TEXT_NODE && is_whitespace_only(text_of(c))) continue;
    if (c->type == XML_ELEMENT_NODE && is_block_element(name_of(c))) {
      blocks.push_back(c);
      continue;
    }
    if (c->type == XML_ELEMENT_NODE)
      return std::unexpected(located(
          c, "element '" + std::string(name_of(c)) + "' is not a block of markup-multiline"));
    return std::unexpected(located(c, "text outside a block (<p>, <ul>, ...) in markup-multiline"));
  }
  return render_blocks(blocks, 0);
}

void inline_to_xml(std::string_view markdown, std::string& out) {
  inline_xml(markdown, out, 0);
}

void blocks_to_xml(std::string_view markdown, std::string& out) {
  blocks_xml(split_lines(markdown), out, 0);
}

bool is_whitespace_only(std::string_view text) {
  for (char c : text)
    if (!is_space(c)) return false;
  return true;
}

void append_xml_text(std::string_view text, std::string& out) {
  util::append_escaped(text, out, util::Escape::k_xml_text);
}

void append_xml_attribute(std::string_view text, std::string& out) {
  util::append_escaped(text, out, util::Escape::k_xml_attribute);
}

}  // namespace cyberframe::oscal::markup
