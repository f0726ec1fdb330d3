#include "batch.h"

#include <fnmatch.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "nianbao/engine.h"

namespace nianbao::cli {
namespace {

namespace fs = std::filesystem;

bool globMatches(const std::vector<std::string>& globs, const std::string& rel, const std::string& name) {
  for (const std::string& g : globs) {
    if (fnmatch(g.c_str(), name.c_str(), 0) == 0 || fnmatch(g.c_str(), rel.c_str(), 0) == 0) return true;
  }
  return false;
}

bool reportExtension(const fs::path& p) {
  static const char* kExtensions[] = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"};
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* e : kExtensions) {
    if (ext == e) return true;
  }
  return false;
}

// One input as checked: what reporters get, and the Document alive until then.
struct Slot {
  bool ready = false;
  DocumentResult result;
  std::unique_ptr<Document> doc;
  std::string error_line;  // for stderr: "path:字节N: message"
};

void checkOne(const std::string& path, const RuleSet& rules, const BatchOptions& o, Slot& out) {
  DocumentResult& d = out.result;
  d.path = path;
  try {
    EvalLimits limits;
    if (o.timeout_seconds > 0) {
      limits.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(o.timeout_seconds);
      limits.timeout_seconds = o.timeout_seconds;
    }
    auto doc = std::make_unique<Document>(readDocument(path, o.read));
    detectReportType(*doc, rules, CheckOptions{o.type});
    d.encoding = doc->source.encoding();
    d.format = doc->source.format();
    d.type = doc->type;
    if (const ReportTypeDef* t = rules.reportType(doc->type)) d.type_name = t->name;
    d.meta = doc->meta;
    d.findings = evaluate(*doc, rules, limits);
    if (o.baseline) {
      for (Finding& f : d.findings) f.baselined = o.baseline->count(f.fingerprint) > 0;
    }
    out.doc = std::move(doc);
  } catch (const InputError& e) {
    d.error = e.describe();
    out.error_line = e.what();
  } catch (const std::exception& e) {
    // A bug or exhaustion on one file must not take the batch down with it.
    d.error = std::string("内部错误：") + e.what() + "（请报告此问题）";
    out.error_line = path + ": " + *d.error;
  }
}

class ProgressBar {
 public:
  ProgressBar(bool on, size_t total) : on_(on && total > 1), total_(total) {}
  void update(size_t done, const std::string& path) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr size_t kWidth = 30;
    size_t fill = total_ ? done * kWidth / total_ : kWidth;
    std::string name = fs::path(path).filename().string();
    if (name.size() > 40) name = name.substr(0, 37) + "...";  // bytes: may cut UTF-8, only cosmetic on a tty
    std::cerr << "\r\x1b[K检查中 [" << std::string(fill, '#') << std::string(kWidth - fill, '.') << "] "
              << done << "/" << total_ << " " << name << std::flush;
  }
  void finish() {
    if (on_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  bool on_;
  size_t total_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

std::vector<std::string> expandInputs(const std::vector<std::string>& args, const InputSelection& select) {
  std::vector<std::string> out, empty_dirs;
  for (const std::string& in : args) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      out.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      std::string rel = p.lexically_relative(in).generic_string();
      // A folder's README describes the reports; it is not one.
      if (p.stem().string() == "README") continue;
      bool wanted = select.include.empty() ? reportExtension(p) : globMatches(select.include, rel, name);
      if (wanted && !globMatches(select.exclude, rel, name)) found.push_back(p.generic_string());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) empty_dirs.push_back(in);
    out.insert(out.end(), found.begin(), found.end());
  }
  // When nothing at all is left, the caller's error says so instead.
  for (const std::string& d : empty_dirs) {
    if (!out.empty())
      std::cerr << "nianbao check: 警告: 目录 " << d << " 中没有报告文件（.txt、.md、.html、.docx、.pdf）\n";
  }
  return out;
}

int runBatch(const std::vector<std::string>& inputs, const RuleSet& rules, const BatchOptions& o,
             Reporter& reporter, std::ostream& out,
             const std::function<void(const DocumentResult&)>& observe) {
  const size_t n = inputs.size();
  const unsigned jobs =
      std::max(1u, std::min<unsigned>(o.jobs, static_cast<unsigned>(std::max<size_t>(n, 1))));
  // Workers run at most this far ahead of the reporter, which bounds memory
  // to a few documents per job whatever the batch size.
  const size_t window = 2 * static_cast<size_t>(jobs);
  bool input_error = false, failing = false;
  ProgressBar bar(o.progress, n);
  auto emit = [&](size_t e, Slot& slot) {
    DocumentResult& d = slot.result;
    if (d.error) {
      input_error = true;
      bar.finish();
      std::cerr << "nianbao: 错误: " << slot.error_line << "\n";
    }
    for (const Finding& f : d.findings)
      failing = failing || (!f.baselined && o.fail_on && f.severity >= *o.fail_on);
    reporter.document(d, slot.doc.get(), out);
    observe(d);
    slot.doc.reset();
    bar.update(e + 1, inputs[e]);
  };

  if (jobs == 1) {
    // One job is one thread: checking and reporting take turns, so --jobs 1
    // measures and uses one core.
    for (size_t e = 0; e < n; ++e) {
      Slot slot;
      checkOne(inputs[e], rules, o, slot);
      emit(e, slot);
    }
    bar.finish();
    return input_error ? 2 : failing ? 1 : 0;
  }

  std::vector<Slot> slots(n);
  std::mutex m;
  std::condition_variable ready_cv, space_cv;
  size_t next_task = 0, next_emit = 0;

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(m);
        space_cv.wait(lock, [&] { return next_task >= n || next_task < next_emit + window; });
        if (next_task >= n) return;
        i = next_task++;
      }
      Slot done;
      checkOne(inputs[i], rules, o, done);
      done.ready = true;
      {
        std::lock_guard lock(m);
        slots[i] = std::move(done);
      }
      ready_cv.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  for (size_t e = 0; e < n; ++e) {
    Slot slot;
    {
      std::unique_lock lock(m);
      ready_cv.wait(lock, [&] { return slots[e].ready; });
      slot = std::move(slots[e]);
      next_emit = e + 1;
    }
    space_cv.notify_all();
    emit(e, slot);
  }
  for (std::thread& t : threads) t.join();
  bar.finish();
  return input_error ? 2 : failing ? 1 : 0;
}

}  // namespace nianbao::cli
