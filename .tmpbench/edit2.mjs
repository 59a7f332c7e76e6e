import {createRequire as __cr} from 'module'; const require = __cr(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err3) => function __init() {
  if (err3) throw err3[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err3 = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// server/src/parser/lineIndex.ts
function computeLineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}
function lineOfOffset(lineStarts, offset) {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
var init_lineIndex = __esm({
  "server/src/parser/lineIndex.ts"() {
    "use strict";
  }
});

// server/src/parser/parser.ts
function parseUnit(text) {
  try {
    return new Parser(text).run();
  } catch (err3) {
    const problems = [
      {
        start: 0,
        end: 0,
        code: "invalid-section-header",
        message: `Internal parser error: ${String(err3)}`
      }
    ];
    const node = {
      kind: "invalid",
      start: 0,
      end: text.length,
      line: 0,
      reason: "missing-equals",
      content: { start: 0, end: text.length },
      pieces: []
    };
    return {
      text,
      bomLength: 0,
      nodes: [node],
      problems,
      lineStarts: computeLineStarts(text),
      sections: [
        { header: void 0, name: void 0, assignments: [], invalidLines: [node], start: 0, end: text.length }
      ]
    };
  }
}
function logicalToDocument(pieces, logical) {
  if (pieces.length === 0) return 0;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (pieces[mid].logicalStart <= logical) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces[lo];
  return Math.min(p.start + (logical - p.logicalStart), p.end);
}
function valueSpanToDocument(node, start, end) {
  const s = logicalToDocument(node.pieces, node.valueLogicalStart + start);
  const e = end > start ? logicalToDocument(node.pieces, node.valueLogicalStart + end - 1) + 1 : s;
  return { start: s, end: e };
}
function endsWithContinuation(text, start, end) {
  let k = 0;
  for (let i = end - 1; i >= start && text.charCodeAt(i) === 92; i--) k++;
  return (k & 1) === 1;
}
function isSafeSectionName(name) {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c === 127 || c === 34 || c === 39 || c === 92) return false;
  }
  return true;
}
function truncate(s) {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
var LONG_LINE_MAX, isBlank, Parser;
var init_parser = __esm({
  "server/src/parser/parser.ts"() {
    "use strict";
    init_lineIndex();
    LONG_LINE_MAX = 1024 * 1024;
    isBlank = (c) => c === 32 || c === 9 || c === 10 || c === 13;
    Parser = class {
      constructor(text) {
        this.text = text;
        this.lineStarts = computeLineStarts(text);
        this.bomLength = text.charCodeAt(0) === 65279 ? 1 : 0;
        this.current = { header: void 0, name: void 0, assignments: [], invalidLines: [], start: 0, end: 0 };
        this.sections.push(this.current);
      }
      text;
      nodes = [];
      problems = [];
      sections = [];
      lineStarts;
      current;
      bomLength;
      lineCursor = 0;
      run() {
        const text = this.text;
        const n = text.length;
        this.scanByteProblems();
        let pieces = [];
        let inner = [];
        let logicalLength = 0;
        let pendingStart = -1;
        let pos = this.bomLength;
        let nodeStart = 0;
        while (pos < n || pos === n && pendingStart >= 0) {
          if (pos >= n) break;
          let contentEnd2 = pos;
          while (contentEnd2 < n) {
            const c = text.charCodeAt(contentEnd2);
            if (c === 10 || c === 13 || c === 0) break;
            contentEnd2++;
          }
          let next = contentEnd2;
          if (next < n) {
            next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
          }
          if (contentEnd2 - pos > LONG_LINE_MAX) {
            this.problem(
              pos,
              contentEnd2,
              "line-too-long",
              `Line is longer than ${LONG_LINE_MAX} characters; systemd refuses the whole file.`
            );
          }
          let first = pos;
          while (first < contentEnd2 && isBlank(text.charCodeAt(first))) first++;
          const firstChar = first < contentEnd2 ? text.charCodeAt(first) : -1;
          const isComment = firstChar === 35 || firstChar === 59;
          if (pendingStart >= 0) {
            if (isComment) {
              inner.push({ start: pos, end: contentEnd2 });
              pos = next;
              continue;
            }
            pieces.push({ start: pos, end: contentEnd2, logicalStart: logicalLength });
            logicalLength += contentEnd2 - pos;
            if (endsWithContinuation(text, pos, contentEnd2)) {
              pos = next;
              continue;
            }
            this.finishLogical(pendingStart, next, pieces, inner);
            pieces = [];
            inner = [];
            logicalLength = 0;
            pendingStart = -1;
            nodeStart = next;
            pos = next;
            continue;
          }
          if (firstChar === -1) {
            this.push({ kind: "blank", start: nodeStart, end: next, line: this.lineOf(nodeStart) });
          } else if (isComment) {
            this.push({ kind: "comment", start: nodeStart, end: next, line: this.lineOf(nodeStart), marker: text[first] });
          } else {
            pieces = [{ start: pos, end: contentEnd2, logicalStart: 0 }];
            logicalLength = contentEnd2 - pos;
            if (endsWithContinuation(text, pos, contentEnd2)) {
              pendingStart = nodeStart;
              pos = next;
              continue;
            }
            this.finishLogical(nodeStart, next, pieces, inner);
            pieces = [];
            inner = [];
            logicalLength = 0;
          }
          nodeStart = next;
          pos = next;
        }
        if (pendingStart >= 0) {
          const last = pieces[pieces.length - 1];
          this.problem(
            last.end - 1,
            last.end,
            "continuation-at-eof",
            "The file ends inside a continuation line (trailing backslash)."
          );
          this.finishLogical(pendingStart, n, pieces, inner, true);
        } else if (nodeStart < n || this.nodes.length === 0) {
          this.push({ kind: "blank", start: nodeStart, end: n, line: this.lineOf(nodeStart) });
        }
        this.current.end = n;
        return {
          text,
          bomLength: this.bomLength,
          nodes: this.nodes,
          sections: this.sections,
          problems: this.problems,
          lineStarts: this.lineStarts
        };
      }
      lineOf(offset) {
        const ls = this.lineStarts;
        while (this.lineCursor + 1 < ls.length && ls[this.lineCursor + 1] <= offset) this.lineCursor++;
        if (ls[this.lineCursor] > offset) return lineOfOffset(ls, offset);
        return this.lineCursor;
      }
      push(node) {
        this.nodes.push(node);
      }
      problem(start, end, code, message) {
        this.problems.push({ start, end, code, message });
      }
      scanByteProblems() {
        const text = this.text;
        if (!/[\0\uD800-\uDFFF]/.test(text)) return;
        let reported = 0;
        for (let i = 0; i < text.length && reported < 100; i++) {
          const c = text.charCodeAt(i);
          if (c === 0) {
            this.problem(i, i + 1, "nul-byte", "NUL byte: systemd ends the line here and reads the rest as a new line.");
            reported++;
          } else if (c >= 55296 && c <= 57343) {
            const isPair = c <= 56319 && i + 1 < text.length && (text.charCodeAt(i + 1) & 64512) === 56320;
            if (isPair) {
              i++;
              continue;
            }
            this.problem(i, i + 1, "invalid-utf8", "Invalid UTF-8: this byte is not part of a valid UTF-8 sequence.");
            reported++;
          }
        }
      }
      /** Build the logical line from its pieces, then classify it like systemd's parse_line(). */
      finishLogical(start, end, pieces, inner, endsContinued = false) {
        const text = this.text;
        let logical = "";
        for (let i = 0; i < pieces.length; i++) {
          const p = pieces[i];
          logical += i < pieces.length - 1 || endsContinued ? text.slice(p.start, p.end - 1) + " " : text.slice(p.start, p.end);
        }
        if (logical.length > LONG_LINE_MAX && pieces.length > 1) {
          this.problem(
            pieces[0].start,
            pieces[pieces.length - 1].end,
            "line-too-long",
            `Continued line is longer than ${LONG_LINE_MAX} characters; systemd refuses the whole file.`
          );
        }
        let a = 0;
        while (a < logical.length && isBlank(logical.charCodeAt(a))) a++;
        let b = logical.length;
        while (b > a && isBlank(logical.charCodeAt(b - 1))) b--;
        const line = this.lineOf(start);
        const map = (off2) => logicalToDocument(pieces, off2);
        const content = { start: map(a), end: b > a ? map(b - 1) + 1 : map(a) };
        if (logical.charCodeAt(a) === 91) {
          const closed = logical.charCodeAt(b - 1) === 93 && b - a >= 2;
          const name = closed ? logical.slice(a + 1, b - 1) : logical.slice(a + 1, b);
          const nameSpan = { start: map(a + 1), end: closed ? map(b - 2) + 1 : content.end };
          const safe = closed && isSafeSectionName(name);
          const node2 = {
            kind: "section",
            start,
            end,
            line,
            name,
            nameSpan: name.length ? nameSpan : { start: nameSpan.start, end: nameSpan.start },
            wellFormed: safe
          };
          this.push(node2);
          if (!closed) {
            this.problem(
              content.start,
              content.end,
              "invalid-section-header",
              `Invalid section header '${truncate(logical.slice(a, b))}': the closing ']' is missing; systemd refuses the whole file.`
            );
          } else if (!safe) {
            this.problem(
              content.start,
              content.end,
              "invalid-section-header",
              `Bad characters in section header '${truncate(logical.slice(a, b))}'; systemd refuses the whole file.`
            );
          }
          this.current.end = start;
          this.current = { header: node2, name: safe ? name : void 0, assignments: [], invalidLines: [], start, end };
          this.sections.push(this.current);
          return;
        }
        const eq = logical.indexOf("=", a);
        if (eq < 0 || eq >= b) {
          const include = logical.startsWith(".include", a) && (b - a === 8 || isBlank(logical.charCodeAt(a + 8)));
          const node2 = {
            kind: "invalid",
            start,
            end,
            line,
            reason: include ? "include" : "missing-equals",
            content,
            pieces
          };
          this.push(node2);
          this.current.invalidLines.push(node2);
          if (include) {
            this.problem(
              content.start,
              content.end,
              "include-unsupported",
              "'.include' is no longer supported by systemd, which ignores this line; use a drop-in (foo.service.d/*.conf) instead."
            );
          } else {
            this.problem(
              content.start,
              content.end,
              "missing-equals",
              `Missing '=': systemd ignores the line '${truncate(logical.slice(a, b))}'.`
            );
          }
          return;
        }
        if (eq === a) {
          const node2 = { kind: "invalid", start, end, line, reason: "missing-key", content, pieces };
          this.push(node2);
          this.current.invalidLines.push(node2);
          this.problem(
            content.start,
            content.end,
            "missing-key",
            "Missing key name before '=': systemd ignores this line."
          );
          return;
        }
        let ke = eq;
        while (ke > a && isBlank(logical.charCodeAt(ke - 1))) ke--;
        let vs = eq + 1;
        while (vs < b && isBlank(logical.charCodeAt(vs))) vs++;
        const value = logical.slice(vs, b);
        const eqDoc = map(eq);
        const node = {
          kind: "assignment",
          start,
          end,
          line,
          key: logical.slice(a, ke),
          keySpan: { start: map(a), end: map(ke - 1) + 1 },
          eq: eqDoc,
          value,
          valueSpan: value.length ? { start: map(vs), end: map(b - 1) + 1 } : { start: eqDoc + 1, end: eqDoc + 1 },
          pieces,
          valueLogicalStart: vs,
          innerComments: inner
        };
        this.push(node);
        this.current.assignments.push(node);
      }
    };
  }
});

// server/src/util/dataFile.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
function dataRoot() {
  if (typeof __BUNDLED__ !== "undefined" && __BUNDLED__) return join(__dirname, "data");
  if (true) return "/work/main/server/src/";
  return fileURLToPath(new URL("..", import.meta.url));
}
function lazyJson(relativePath) {
  let value;
  return () => {
    if (value === void 0) {
      const path = join(dataRoot(), relativePath);
      let text;
      try {
        text = readFileSync(path, "utf8");
      } catch (err3) {
        throw new Error(`a generated table is missing: ${path}; rebuild with npm run build`, { cause: err3 });
      }
      value = JSON.parse(text);
    }
    return value;
  };
}
function once(make) {
  let value;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
var init_dataFile = __esm({
  "server/src/util/dataFile.ts"() {
    "use strict";
  }
});

// server/src/catalog/catalogData.generated.ts
var catalogTables;
var init_catalogData_generated = __esm({
  "server/src/catalog/catalogData.generated.ts"() {
    "use strict";
    init_dataFile();
    catalogTables = lazyJson("catalog/catalogData.generated.json");
  }
});

// server/src/catalog/catalog.ts
function build() {
  const all = [];
  const bySection = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  const { DIRECTIVES, STRINGS, ENUM_SETS } = catalogTables();
  for (const r of DIRECTIVES) {
    const S = (i) => STRINGS[i];
    const [
      sectionsI,
      name,
      since,
      inV252,
      statusI,
      statusSince,
      replacementI,
      parserI,
      kindI,
      listI,
      enumSet,
      defI,
      manI,
      only,
      except,
      when,
      summaryI
    ] = r;
    for (const sectionI of sectionsI) {
      const section = S(sectionI), status = S(statusI), replacement = S(replacementI), parser = S(parserI), kind = S(kindI), list2 = S(listI), def = S(defI), man = S(manI), summary = S(summaryI);
      let onlyTypes;
      if (only) onlyTypes = only.filter((t2) => UNIT_TYPES.includes(t2));
      else if (except) onlyTypes = UNIT_TYPES.filter((t2) => !except.includes(t2));
      const info = {
        section,
        name,
        since,
        inV252: inV252 === 1,
        status,
        statusSince,
        replacement,
        parser,
        kind,
        list: list2,
        enumValues: enumSet >= 0 ? ENUM_SETS[enumSet] : NO_VALUES,
        defaultValue: def,
        manPage: man,
        onlyTypes,
        restrictionWhen: when ?? void 0,
        summary
      };
      all.push(info);
      let m = bySection.get(section);
      if (!m) bySection.set(section, m = /* @__PURE__ */ new Map());
      m.set(name, info);
      const list22 = byName.get(name);
      if (list22) list22.push(info);
      else byName.set(name, [info]);
    }
  }
  return { all, bySection, byName };
}
function typeSection(t2) {
  return t2[0].toUpperCase() + t2.slice(1);
}
function sectionsForUnitType(t2) {
  return ["Unit", typeSection(t2), "Install"];
}
function lookupDirective(section, name) {
  return indexOnce().bySection.get(section)?.get(name);
}
function directivesNamed(name) {
  return indexOnce().byName.get(name) ?? [];
}
function directivesInSection(section) {
  const m = indexOnce().bySection.get(section);
  return m ? [...m.values()] : [];
}
function knownSections() {
  return [...indexOnce().bySection.keys(), "Target", "Device"];
}
function sectionSummary(section) {
  if (section === "Target")
    return "Section of `.target` files; it takes no directives of its own, as targets only group and order other units.";
  if (section === "Device")
    return "Section of `.device` units; it takes no directives of its own, as devices come from udev.";
  return catalogTables().SECTION_SUMMARIES[section];
}
function allSpecifiers() {
  return [...specifierIndex().values()];
}
function lookupSpecifier(letter) {
  return specifierIndex().get(letter);
}
function valueMeaning(section, name, value) {
  return valueDocIndex().get(`${section}.${name}\0${value}`) ?? valueDocIndex().get(`${name}\0${value}`);
}
function directiveAllowedInType(info, t2) {
  if (!t2 || !info.onlyTypes) return true;
  return info.onlyTypes.includes(t2);
}
var UNIT_TYPES, NEWEST_VERSION, NO_VALUES, indexOnce, specifierIndex, valueDocIndex;
var init_catalog = __esm({
  "server/src/catalog/catalog.ts"() {
    "use strict";
    init_catalogData_generated();
    init_dataFile();
    UNIT_TYPES = [
      "service",
      "socket",
      "target",
      "device",
      "mount",
      "automount",
      "swap",
      "timer",
      "path",
      "slice",
      "scope"
    ];
    NEWEST_VERSION = 260;
    NO_VALUES = [];
    indexOnce = once(build);
    specifierIndex = once(
      () => new Map(
        catalogTables().SPECIFIERS.map(([letter, meaning, since, contexts2]) => [
          letter,
          { letter, meaning, since, contexts: contexts2 }
        ])
      )
    );
    valueDocIndex = once(() => {
      const { VALUE_DOCS, STRINGS } = catalogTables();
      return new Map(
        Object.entries(VALUE_DOCS).flatMap(
          ([k, list2]) => list2.map(([v, m]) => [`${k}\0${v}`, STRINGS[m]])
        )
      );
    });
  }
});

// server/src/catalog/dialects.generated.ts
var GENERATED_DIALECT_IDS, dialectTables;
var init_dialects_generated = __esm({
  "server/src/catalog/dialects.generated.ts"() {
    "use strict";
    init_dataFile();
    GENERATED_DIALECT_IDS = ["confext", "coredump", "dns-delegate", "dnssd", "homed", "iocost", "journal-remote", "journal-upload", "journald", "kernel-install", "link", "logind", "netdev", "network", "networkd", "nspawn", "oomd", "pstore", "repart", "resolved", "sleep", "sysext", "sysupdate-feature", "sysupdate-transfer", "timesyncd", "udev", "quadlet-container", "quadlet-volume", "quadlet-network", "quadlet-kube", "quadlet-image", "quadlet-build", "quadlet-pod", "quadlet-artifact"];
    dialectTables = lazyJson("catalog/dialects.generated.json");
  }
});

// server/src/catalog/dialects.ts
function unitDialect(t2) {
  let d = unitDialects.get(t2);
  if (!d) {
    d = {
      id: `unit:${t2}`,
      label: `a .${t2} unit`,
      recognition: { suffixes: [`.${t2}`], dropIns: true },
      sections: sectionsForUnitType(t2),
      sectionless: false,
      specifiers: true,
      wholeFileChecks: [],
      unitType: t2,
      section: (name) => sectionsForUnitType(t2).includes(name) ? plainSection(name, sectionSummary(name)) : void 0,
      lookup: lookupDirective,
      directivesInSection,
      directivesNamed,
      knownSections,
      sectionSummary,
      valueMeaning,
      allowedInFile: (info) => directiveAllowedInType(info, t2)
    };
    unitDialects.set(t2, d);
  }
  return d;
}
function plainSection(name, summary) {
  return {
    name,
    repeatable: false,
    required: [],
    netdevKinds: void 0,
    accepted: true,
    renamedTo: void 0,
    summary
  };
}
function quadletSpec(t2) {
  const own = t2 === "network" ? QUADLET_NETWORK : new RegExp(`^\\s*\\[${quadletSection(t2)}\\]`, "m");
  return {
    label: `a Quadlet .${t2} file`,
    recognition: {
      suffixes: [`.${t2}`],
      folders: ["containers/systemd"],
      foldersAbove: true,
      dropIns: true,
      typeDropIns: true,
      content: (text) => t2 === "network" && NETWORKD_NETWORK.test(text) ? -10 : own.test(text) ? 5 : /^\s*[^\s#;]/m.test(text) ? -1 : 0
    },
    wholeFileChecks: [{ check: "file-required-keys", section: quadletSection(t2) }]
  };
}
function buildTables(id) {
  const { DIALECT_TABLES, DIALECT_STRINGS, DIALECT_ENUM_SETS } = dialectTables();
  const S = (i) => DIALECT_STRINGS[i];
  const table = DIALECT_TABLES[id];
  const bySection = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  for (const r of table.rows) {
    const [
      sectionI,
      name,
      since,
      inV252,
      statusI,
      statusSince,
      replI,
      parserI,
      kindI,
      listI,
      enumSet,
      defI,
      manI,
      summaryI,
      range
    ] = r;
    const section = S(sectionI);
    const info = {
      section,
      name,
      since,
      inV252: inV252 === 1,
      status: S(statusI),
      statusSince,
      replacement: S(replI),
      parser: S(parserI),
      kind: S(kindI),
      list: S(listI),
      enumValues: enumSet >= 0 ? DIALECT_ENUM_SETS[enumSet] : NO_VALUES2,
      defaultValue: S(defI),
      manPage: S(manI),
      onlyTypes: void 0,
      restrictionWhen: void 0,
      summary: S(summaryI),
      ...range ? { range } : {}
    };
    let m = bySection.get(section);
    if (!m) bySection.set(section, m = /* @__PURE__ */ new Map());
    m.set(name, info);
    const l = byName.get(name);
    if (l) l.push(info);
    else byName.set(name, [info]);
  }
  const sectionInfo = /* @__PURE__ */ new Map();
  for (const [name, repeatable, required, kinds, accepted, renamedTo, summaryI] of table.sections) {
    sectionInfo.set(name, {
      name,
      repeatable: repeatable === 1,
      required,
      netdevKinds: kinds ?? void 0,
      accepted: accepted === 1,
      renamedTo: renamedTo ?? void 0,
      summary: summaryI >= 0 ? S(summaryI) : void 0
    });
  }
  const sectionless = bySection.has("");
  const first = ["Match", "NetDev", "Link", "Network"];
  const sections = [...sectionInfo.values()].filter((s) => s.accepted && s.name !== "").map((s) => s.name).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  function rank(n) {
    const i = first.indexOf(n);
    return i >= 0 ? i : sectionInfo.get(n)?.renamedTo ? 100 : 10;
  }
  const known = [...sectionInfo.keys()].filter((n) => n !== "");
  return { bySection, byName, sectionInfo, sections, sectionless, known };
}
function buildGenerated(id) {
  const spec = SPECS[id];
  if (!spec || !GENERATED_DIALECT_IDS.includes(id)) return void 0;
  const t2 = once(() => buildTables(id));
  return {
    id,
    label: spec.label,
    recognition: spec.recognition,
    get sections() {
      return t2().sections;
    },
    get sectionless() {
      return t2().sectionless;
    },
    specifiers: false,
    wholeFileChecks: spec.wholeFileChecks ?? [],
    unitType: void 0,
    section: (name) => t2().sectionInfo.get(name),
    lookup: (section, name) => t2().bySection.get(section)?.get(name),
    directivesInSection: (section) => {
      const m = t2().bySection.get(section);
      return m ? [...m.values()] : [];
    },
    directivesNamed: (name) => t2().byName.get(name) ?? [],
    knownSections: () => t2().known,
    sectionSummary: (name) => t2().sectionInfo.get(name)?.summary,
    valueMeaning: () => void 0,
    allowedInFile: () => true
  };
}
function withUnitSections(base, t2) {
  const isUnit = (section) => QUADLET_UNIT_SECTIONS.includes(section);
  const own = [quadletSection(t2), "Quadlet"];
  const relaxed = /* @__PURE__ */ new Map();
  const unitLookup = (section, name) => {
    const info = lookupDirective(section, name);
    if (!info || section !== "Unit" || info.kind !== "unit-list" && info.kind !== "unit") return info;
    let r = relaxed.get(info);
    if (!r) relaxed.set(info, r = { ...info, kind: "string" });
    return r;
  };
  return {
    id: base.id,
    label: base.label,
    recognition: base.recognition,
    get sectionless() {
      return base.sectionless;
    },
    wholeFileChecks: base.wholeFileChecks,
    unitType: base.unitType,
    sections: [...own, ...QUADLET_UNIT_SECTIONS],
    specifiers: true,
    section: (name) => base.section(name) ?? (isUnit(name) ? plainSection(name, sectionSummary(name)) : void 0),
    lookup: (section, name) => isUnit(section) ? unitLookup(section, name) : base.lookup(section, name),
    directivesInSection: (section) => isUnit(section) ? directivesInSection(section) : base.directivesInSection(section),
    directivesNamed: (name) => [...base.directivesNamed(name), ...directivesNamed(name)],
    knownSections: () => [...base.knownSections(), ...knownSections()],
    sectionSummary: (name) => base.sectionSummary(name) ?? (isUnit(name) ? sectionSummary(name) : void 0),
    valueMeaning: (section, name, value) => isUnit(section) ? valueMeaning(section, name, value) : void 0,
    allowedInFile: (info) => isUnit(info.section) ? directiveAllowedInType(info, "service") : true,
    strict: { sections: own, refused: "Quadlet generates no unit for the file" }
  };
}
function quadletTypeOf(dialectId) {
  const t2 = dialectId?.startsWith("quadlet-") ? dialectId.slice(8) : void 0;
  return t2 && QUADLET_TYPES.includes(t2) ? t2 : void 0;
}
function quadletKeySince(dialectId, section, key2) {
  return dialectTables().QUADLET_FACTS.types[dialectId]?.keySince[`${section}.${key2}`];
}
function quadletTypeSince(t2) {
  return dialectTables().QUADLET_FACTS.types[`quadlet-${t2}`].since;
}
function quadletUnitRows() {
  return dialectTables().QUADLET_FACTS.unitRows;
}
function generatedDialects() {
  return [...generated.values()];
}
function dialectById(id) {
  if (id === "manager") return MANAGER_DIALECT;
  if (id.startsWith("unit:")) {
    const t2 = id.slice(5);
    return UNIT_TYPES.includes(t2) ? unitDialect(t2) : void 0;
  }
  return generated.get(id);
}
var unitDialects, MANAGER_DIALECT, confDirs, CONF, NETWORK_FOLDERS, NETWORK_DIRS, OBJECT_CHECKS, QUADLET_NETWORK, NETWORKD_NETWORK, QUADLET_TYPES, QUADLET_UNIT_SECTIONS, quadletSection, SPECS, NO_VALUES2, generated, NEWEST_PODMAN;
var init_dialects = __esm({
  "server/src/catalog/dialects.ts"() {
    "use strict";
    init_catalog();
    init_dialects_generated();
    init_dataFile();
    unitDialects = /* @__PURE__ */ new Map();
    MANAGER_DIALECT = {
      id: "manager",
      label: "system.conf/user.conf",
      recognition: { names: ["system.conf", "user.conf"], dropIns: true },
      sections: ["Manager"],
      sectionless: false,
      specifiers: true,
      wholeFileChecks: [],
      unitType: void 0,
      section: (name) => name === "Manager" ? plainSection(name, sectionSummary(name)) : void 0,
      lookup: lookupDirective,
      directivesInSection,
      directivesNamed,
      knownSections,
      sectionSummary,
      valueMeaning,
      allowedInFile: () => true
    };
    confDirs = (sub) => ["etc", "run", "usr/local/lib", "usr/lib", "lib"].map((d) => `${d}/${sub}`);
    CONF = (name, extra = {}) => ({
      names: [name],
      dropIns: true,
      searchDirs: confDirs("systemd"),
      ...extra
    });
    NETWORK_FOLDERS = ["systemd/network"];
    NETWORK_DIRS = confDirs("systemd/network");
    OBJECT_CHECKS = [{ check: "object-required-keys" }, { check: "repeated-section" }];
    QUADLET_NETWORK = /^\s*\[(?:Quadlet|Unit|Service|Install)\]|^\s*(?:NetworkName|Subnet|IPRange|Driver|IPAMDriver|Internal|PodmanArgs|GlobalArgs|ContainersConfModule|NetworkDeleteOnStop|DisableDNS|InterfaceName|ServiceName)\s*=/m;
    NETWORKD_NETWORK = /^\s*\[Match\]/m;
    QUADLET_TYPES = ["container", "volume", "network", "kube", "image", "build", "pod", "artifact"];
    QUADLET_UNIT_SECTIONS = ["Unit", "Service", "Install"];
    quadletSection = (t2) => t2[0].toUpperCase() + t2.slice(1);
    SPECS = {
      journald: { label: "journald.conf", recognition: CONF("journald.conf", { namePattern: /^journald@[^/]+\.conf$/ }) },
      "journal-remote": { label: "journal-remote.conf", recognition: CONF("journal-remote.conf") },
      "journal-upload": { label: "journal-upload.conf", recognition: CONF("journal-upload.conf") },
      logind: { label: "logind.conf", recognition: CONF("logind.conf") },
      resolved: { label: "resolved.conf", recognition: CONF("resolved.conf") },
      timesyncd: { label: "timesyncd.conf", recognition: CONF("timesyncd.conf") },
      coredump: { label: "coredump.conf", recognition: CONF("coredump.conf") },
      networkd: { label: "networkd.conf", recognition: CONF("networkd.conf"), wholeFileChecks: OBJECT_CHECKS },
      oomd: { label: "oomd.conf", recognition: CONF("oomd.conf") },
      sleep: { label: "sleep.conf", recognition: CONF("sleep.conf", { folders: ["systemd"], folderRequired: true }) },
      homed: { label: "homed.conf", recognition: CONF("homed.conf") },
      pstore: { label: "pstore.conf", recognition: CONF("pstore.conf") },
      iocost: {
        label: "iocost.conf",
        recognition: { names: ["iocost.conf"], folders: ["udev"], folderRequired: true, dropIns: false }
      },
      sysext: { label: "sysext.conf", recognition: CONF("sysext.conf", { folders: ["systemd"], folderRequired: true }) },
      confext: { label: "confext.conf", recognition: CONF("confext.conf", { folders: ["systemd"], folderRequired: true }) },
      udev: {
        label: "udev.conf",
        recognition: CONF("udev.conf", { folders: ["udev"], folderRequired: true, searchDirs: confDirs("udev") })
      },
      "kernel-install": {
        label: "kernel/install.conf",
        recognition: CONF("install.conf", { folders: ["kernel"], folderRequired: true, searchDirs: confDirs("kernel") })
      },
      dnssd: {
        label: "a .dnssd file",
        recognition: {
          suffixes: [".dnssd"],
          folders: ["systemd/dnssd"],
          dropIns: true,
          searchDirs: confDirs("systemd/dnssd")
        }
      },
      "dns-delegate": {
        label: "a .dns-delegate file",
        recognition: { suffixes: [".dns-delegate"], folders: ["systemd/dns-delegate.d"], dropIns: true }
      },
      nspawn: {
        label: "a .nspawn file",
        recognition: { suffixes: [".nspawn"], folders: ["systemd/nspawn"], dropIns: false }
      },
      repart: {
        label: "a repart.d definition",
        recognition: { suffixes: [".conf"], folders: ["repart.d"], folderRequired: true, dropIns: true }
      },
      "sysupdate-transfer": { label: "a sysupdate.d transfer", recognition: { suffixes: [".transfer"], dropIns: true } },
      "sysupdate-feature": {
        label: "a sysupdate.d feature",
        recognition: { suffixes: [".feature"], folders: ["sysupdate.d"], folderRequired: true, dropIns: true }
      },
      network: {
        label: "a .network file",
        recognition: {
          suffixes: [".network"],
          folders: NETWORK_FOLDERS,
          notIn: ["containers/systemd"],
          dropIns: true,
          searchDirs: NETWORK_DIRS,
          content: (text) => NETWORKD_NETWORK.test(text) ? 1 : QUADLET_NETWORK.test(text) ? -10 : 0
        },
        wholeFileChecks: [{ check: "match-required", section: "Match", catchAll: "Name=*" }, ...OBJECT_CHECKS]
      },
      netdev: {
        label: "a .netdev file",
        recognition: { suffixes: [".netdev"], folders: NETWORK_FOLDERS, dropIns: true, searchDirs: NETWORK_DIRS },
        wholeFileChecks: [{ check: "file-required-keys", section: "NetDev" }, { check: "netdev-kind" }, ...OBJECT_CHECKS]
      },
      link: {
        label: "a .link file",
        recognition: { suffixes: [".link"], folders: NETWORK_FOLDERS, dropIns: true, searchDirs: NETWORK_DIRS },
        wholeFileChecks: [{ check: "match-required", section: "Match", catchAll: "OriginalName=*" }, ...OBJECT_CHECKS]
      },
      ...Object.fromEntries(QUADLET_TYPES.map((t2) => [`quadlet-${t2}`, quadletSpec(t2)]))
    };
    NO_VALUES2 = [];
    generated = /* @__PURE__ */ new Map();
    for (const id of Object.keys(SPECS)) {
      const d = buildGenerated(id);
      const t2 = quadletTypeOf(id);
      if (d) generated.set(id, t2 ? withUnitSections(d, t2) : d);
    }
    NEWEST_PODMAN = "5.8.2";
  }
});

// server/src/units/fileKind.ts
function partsOf(path) {
  const windows = /^(?:[A-Za-z]:[\\/]|\\\\)/.test(path);
  return path.split(windows ? /[\\/]/ : "/");
}
function baseName(path) {
  const parts = partsOf(path);
  return parts[parts.length - 1] ?? "";
}
function parentName(path) {
  const parts = partsOf(path).filter((p, i, a) => p.length > 0 || i === a.length - 1);
  return parts.length >= 2 ? parts[parts.length - 2] : "";
}
function typeOfUnitName(name) {
  if (TYPE_SET.has(name)) return name;
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return void 0;
  const suffix = name.slice(dot + 1);
  return TYPE_SET.has(suffix) ? suffix : void 0;
}
function stripEditTemp(name) {
  const m = /^\.#(.+?)(?:\.systemd-units\.)?[0-9a-f]{16}$/.exec(name);
  return m ? m[1] : name;
}
function fileKindOf(path, text) {
  const name = stripEditTemp(baseName(path));
  const parent = parentName(path);
  if (name === "system.conf" || name === "user.conf") {
    return { kind: "manager", scope: name === "system.conf" ? "system" : "user", dropIn: false };
  }
  if (name.endsWith(".conf") && parent.endsWith(".d")) {
    const owner = parent.slice(0, -2);
    if (owner === "system.conf" || owner === "user.conf") {
      return { kind: "manager", scope: owner === "system.conf" ? "system" : "user", dropIn: true };
    }
    const t3 = typeOfUnitName(owner);
    if (t3) return { kind: "dropin", unitType: t3, unitName: owner };
    const parts = partsOf(path);
    const ownerParts = [...parts.slice(0, -2), owner];
    const d2 = recogniseDialect(ownerParts, void 0) ?? typeDropInOwner(owner, parts.slice(0, -2));
    if (d2?.recognition.dropIns) return { kind: "config", dialect: d2.id, name: owner, dropIn: true };
    const main = recogniseDialect(parts, text);
    return main ? { kind: "config", dialect: main.id, name, dropIn: false } : { kind: "other" };
  }
  const t2 = typeOfUnitName(name);
  if (t2 && name !== t2) return { kind: "unit", unitType: t2, unitName: name };
  const d = recogniseDialect(partsOf(path), text);
  if (d) return { kind: "config", dialect: d.id, name, dropIn: false };
  return { kind: "other" };
}
function endsWithFolder(dirs, folder) {
  const f = folder.split("/");
  if (f.length > dirs.length) return false;
  return f.every((p, i) => dirs[dirs.length - f.length + i] === p);
}
function containsFolder(dirs, folder) {
  const f = folder.split("/");
  for (let i = 0; i + f.length <= dirs.length; i++) if (f.every((p, j) => dirs[i + j] === p)) return true;
  return false;
}
function recogniseDialect(parts, text) {
  const name = stripEditTemp(parts[parts.length - 1] ?? "");
  const dirs = parts.slice(0, -1).filter((p) => p.length > 0);
  let best;
  let bestScore = 0;
  for (const d of generatedDialects()) {
    const r = d.recognition;
    const named = r.names?.includes(name) || r.namePattern?.test(name) || r.suffixes?.some((s) => name.endsWith(s) && name.length > s.length);
    if (!named) continue;
    if (r.notIn?.some((f) => containsFolder(dirs, f))) continue;
    const inFolder = r.folders?.some((f) => r.foldersAbove ? containsFolder(dirs, f) : endsWithFolder(dirs, f)) ?? false;
    if (r.folderRequired && !inFolder) continue;
    const score = 1 + (inFolder ? 2 : 0) + (text !== void 0 && r.content ? r.content(text) : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
function typeDropInOwner(owner, dirs) {
  if (owner.includes(".")) return void 0;
  const inDirs = dirs.filter((p) => p.length > 0);
  return generatedDialects().find(
    (d) => d.recognition.typeDropIns && d.recognition.suffixes?.includes(`.${owner}`) && d.recognition.folders?.some((f) => containsFolder(inDirs, f))
  );
}
function dialectOfFile(kind) {
  switch (kind.kind) {
    case "unit":
    case "dropin":
      return unitDialect(kind.unitType);
    case "manager":
      return MANAGER_DIALECT;
    case "config":
      return dialectById(kind.dialect);
    default:
      return void 0;
  }
}
function unitTypeOf(kind) {
  return kind.kind === "unit" || kind.kind === "dropin" ? kind.unitType : void 0;
}
var TYPE_SET;
var init_fileKind = __esm({
  "server/src/units/fileKind.ts"() {
    "use strict";
    init_catalog();
    init_dialects();
    TYPE_SET = new Set(UNIT_TYPES);
  }
});

// server/src/parser/bytes.ts
function decodeBytes(bytes) {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeLossless(bytes);
  }
}
function decodeLossless(b) {
  const parts = [];
  let chunk = [];
  const flush = () => {
    if (chunk.length) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  };
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let need = 0;
    let cp = 0;
    let min = 0;
    if (c < 128) {
      chunk.push(c);
      i++;
      if (chunk.length > 8192) flush();
      continue;
    }
    if (c >= 194 && c <= 223) {
      need = 1;
      cp = c & 31;
      min = 128;
    } else if (c >= 224 && c <= 239) {
      need = 2;
      cp = c & 15;
      min = 2048;
    } else if (c >= 240 && c <= 244) {
      need = 3;
      cp = c & 7;
      min = 65536;
    }
    let ok = need > 0 && i + need < b.length;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const d = b[i + k];
        if (d === void 0 || (d & 192) !== 128) {
          ok = false;
          break;
        }
        cp = cp << 6 | d & 63;
      }
    }
    if (ok && (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343)) ok = false;
    if (!ok) {
      chunk.push(56320 + c);
      i++;
    } else {
      if (cp >= 65536) {
        const v = cp - 65536;
        chunk.push(55296 + (v >> 10), 56320 + (v & 1023));
      } else {
        chunk.push(cp);
      }
      i += need + 1;
    }
    if (chunk.length > 8192) flush();
  }
  flush();
  return parts.join("");
}
function encodeText(text) {
  if (!/[\uDC80-\uDCFF]/.test(text)) return Buffer.from(text, "utf8");
  const parts = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 56448 && c <= 56575) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      if (prev >= 55296 && prev <= 56319) continue;
      if (i > last) parts.push(Buffer.from(text.slice(last, i), "utf8"));
      parts.push(Uint8Array.of(c - 56320));
      last = i + 1;
    }
  }
  if (last < text.length) parts.push(Buffer.from(text.slice(last), "utf8"));
  return Buffer.concat(parts);
}
var strict;
var init_bytes = __esm({
  "server/src/parser/bytes.ts"() {
    "use strict";
    strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  }
});

// server/src/util/suggest.ts
function editDistance(a, b, max = 3) {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > 64 || b.length > 64) return max + 1;
  let prev = new Array(b.length + 1);
  let cur = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
function suggest(word, candidates, limit = 3) {
  const lower = word.toLowerCase();
  const max = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const scored = [];
  for (const c of candidates) {
    if (c === word) continue;
    const cl = c.toLowerCase();
    if (cl === lower) {
      scored.push({ c, d: -1 });
      continue;
    }
    const d = editDistance(lower, cl, max);
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  const out = [];
  for (const s of scored)
    if (!out.includes(s.c)) {
      out.push(s.c);
      if (out.length >= limit) break;
    }
  return out;
}
var init_suggest = __esm({
  "server/src/util/suggest.ts"() {
    "use strict";
  }
});

// server/src/values/util.ts
function problem(start, end, message, severity = "error", code) {
  return code === void 0 ? { start, end, message, severity } : { start, end, message, severity, code };
}
function err(start, end, message, code) {
  return problem(start, end, message, "error", code);
}
function warn(start, end, message, code) {
  return problem(start, end, message, "warning", code);
}
function suggesting(p, suggestion) {
  return suggestion ? { ...p, suggestions: [suggestion] } : p;
}
function isWs(ch) {
  return ch === " " || ch === "	" || ch === "\n" || ch === "\r";
}
function isDigit(ch) {
  return ch !== void 0 && ch >= "0" && ch <= "9";
}
function isAlpha(ch) {
  return ch !== void 0 && (ch >= "a" && ch <= "z" || ch >= "A" && ch <= "Z");
}
function isAlnum(ch) {
  return isDigit(ch) || isAlpha(ch);
}
function cunescapeOne(s, i) {
  const c = s[i + 1];
  if (c === void 0) return { length: 1, text: void 0 };
  switch (c) {
    case "a":
      return { length: 2, text: "\x07" };
    case "b":
      return { length: 2, text: "\b" };
    case "f":
      return { length: 2, text: "\f" };
    case "n":
      return { length: 2, text: "\n" };
    case "r":
      return { length: 2, text: "\r" };
    case "t":
      return { length: 2, text: "	" };
    case "v":
      return { length: 2, text: "\v" };
    case "\\":
      return { length: 2, text: "\\" };
    case '"':
      return { length: 2, text: '"' };
    case "'":
      return { length: 2, text: "'" };
    case "s":
      return { length: 2, text: " " };
    case "x": {
      const a = s[i + 2], b = s[i + 3];
      if (a === void 0 || b === void 0 || !HEX.test(a) || !HEX.test(b)) return { length: 2, text: void 0 };
      const v = parseInt(a + b, 16);
      if (v === 0) return { length: 4, text: void 0 };
      return { length: 4, text: String.fromCharCode(v) };
    }
    case "u": {
      const h = s.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(h)) return { length: 2, text: void 0 };
      const v = parseInt(h, 16);
      if (v === 0) return { length: 6, text: void 0 };
      return { length: 6, text: String.fromCodePoint(v) };
    }
    case "U": {
      const h = s.slice(i + 2, i + 10);
      if (!/^[0-9a-fA-F]{8}$/.test(h)) return { length: 2, text: void 0 };
      const v = parseInt(h, 16);
      if (v === 0 || v > 1114111) return { length: 10, text: void 0 };
      return { length: 10, text: String.fromCodePoint(v) };
    }
    default: {
      if (c >= "0" && c <= "7") {
        const o = s.slice(i + 1, i + 4);
        if (!/^[0-7]{3}$/.test(o)) return { length: 2, text: void 0 };
        const v = parseInt(o, 8);
        if (v === 0 || v > 255) return { length: 4, text: void 0 };
        return { length: 4, text: String.fromCharCode(v) };
      }
      return { length: 2, text: void 0 };
    }
  }
}
function sepTable(seps) {
  let t2 = sepTables.get(seps);
  if (!t2) {
    t2 = new Uint8Array(128);
    for (const ch of seps) {
      const c = ch.charCodeAt(0);
      if (c < 128) t2[c] = 1;
    }
    sepTables.set(seps, t2);
  }
  return t2;
}
function splitWords(value, opts = {}) {
  const seps = opts.separators ?? WHITESPACE;
  const table = sepTable(seps);
  const words4 = [];
  const unknownEscapes = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && seps.includes(value[i])) i++;
    if (i >= n) break;
    const start = i;
    let text = "";
    let quote3;
    let quoteStart = -1;
    while (i < n) {
      if (quote3 === void 0) {
        let j = i;
        for (; j < n; j++) {
          const c = value.charCodeAt(j);
          if (c === 92 || c === 34 || c === 39 || (c < 128 ? table[c] === 1 : seps.includes(value[j]))) break;
        }
        if (j > i) {
          text += value.slice(i, j);
          i = j;
          if (i >= n) break;
        }
      }
      const ch = value[i];
      if (quote3 === void 0 && seps.includes(ch)) break;
      if (ch === "\\") {
        if (opts.retainEscape) {
          text += ch;
          if (i + 1 < n) {
            text += value[i + 1];
            i += 2;
          } else i++;
          continue;
        }
        if (i + 1 >= n) {
          text += ch;
          i++;
          continue;
        }
        if (opts.cunescape) {
          const r = cunescapeOne(value, i);
          if (r.text === void 0) {
            if (opts.relax) {
              unknownEscapes.push({ start: i, end: i + r.length });
              text += value.slice(i, i + r.length);
              i += r.length;
              continue;
            }
            return {
              words: words4,
              unknownEscapes,
              error: {
                start: i,
                end: Math.min(n, i + r.length),
                message: `Invalid escape sequence '${value.slice(i, i + r.length)}'`
              }
            };
          }
          text += r.text;
          i += r.length;
          continue;
        }
        text += value[i + 1];
        i += 2;
        continue;
      }
      if (opts.unquote) {
        if (quote3 === void 0 && (ch === '"' || ch === "'")) {
          quote3 = ch;
          quoteStart = i;
          i++;
          continue;
        }
        if (quote3 !== void 0 && ch === quote3) {
          quote3 = void 0;
          i++;
          continue;
        }
      }
      text += ch;
      i++;
    }
    if (quote3 !== void 0) {
      return {
        words: words4,
        unknownEscapes,
        error: { start: quoteStart, end: n, message: "Unbalanced quoting: the quote opened here is never closed" }
      };
    }
    words4.push({ start, end: i, raw: value.slice(start, i), text });
  }
  return { words: words4, unknownEscapes };
}
function splitPlain(value, sep, keepEmpty = false, base = 0) {
  const out = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || sep.includes(value[i])) {
      if (i > start || keepEmpty) {
        const raw = value.slice(start, i);
        out.push({ start: base + start, end: base + i, raw, text: raw });
      }
      start = i + 1;
    }
  }
  return out;
}
function hasControlChars(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}
var WHITESPACE, HEX, sepTables;
var init_util = __esm({
  "server/src/values/util.ts"() {
    "use strict";
    init_suggest();
    WHITESPACE = " 	\n\r";
    HEX = /^[0-9a-fA-F]$/;
    sepTables = /* @__PURE__ */ new Map();
  }
});

// server/src/values/specifiers.ts
function checkSpecifiers(text, context, targetVersion, offset = 0) {
  if (context === "none") return [];
  if (context === "manager-env" && targetVersion < 254) return [];
  const out = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text[i] !== "%") continue;
    const c = text[i + 1];
    if (c === void 0) break;
    if (c === "%") {
      i++;
      continue;
    }
    if (!isAlnum(c)) {
      i++;
      continue;
    }
    const start = offset + i;
    const end = start + 2;
    i++;
    const info = BY_CHAR.get(c);
    if (!info) {
      out.push(
        err(
          start,
          end,
          `Unknown specifier '%${c}': systemd refuses the value ("Invalid slot"); write '%%' for a literal '%'.`,
          "unknown-specifier"
        )
      );
      continue;
    }
    const since = info.since[context];
    if (since === void 0) {
      out.push(
        err(
          start,
          end,
          `Specifier '%${c}' (${info.meaning}) is not available in ${CONTEXT_LABEL[context]}: systemd refuses the value ("Invalid slot").`,
          "unknown-specifier"
        )
      );
      continue;
    }
    if (info.deprecated) {
      out.push(
        warn(
          start,
          end,
          `Specifier '%${c}' is deprecated and undocumented; systemd logs a warning when it expands it.`,
          "deprecated-specifier"
        )
      );
      continue;
    }
    if (since > targetVersion) {
      out.push(
        err(
          start,
          end,
          `Specifier '%${c}' (${info.meaning}) needs systemd ${since} in ${CONTEXT_LABEL[context]}; the target version ${targetVersion} refuses it ("Invalid slot").`,
          "specifier-too-new"
        )
      );
    }
  }
  return out;
}
function stripSpecifiers(text) {
  if (!text.includes("%")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "%" && i + 1 < text.length) {
      const c = text[i + 1];
      if (c === "%") {
        out += "%";
        i++;
        continue;
      }
      if (isAlnum(c)) {
        out += PATH_SPECIFIERS.has(c) ? "/x" : "x";
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}
function hasSpecifier(text) {
  for (let i = 0; i + 1 < text.length; i++) {
    if (text[i] === "%" && text[i + 1] !== "%" && isAlnum(text[i + 1])) return true;
    if (text[i] === "%" && text[i + 1] === "%") i++;
  }
  return false;
}
var SPECIFIERS, BY_CHAR, CONTEXT_LABEL, PATH_SPECIFIERS;
var init_specifiers = __esm({
  "server/src/values/specifiers.ts"() {
    "use strict";
    init_util();
    init_catalog();
    SPECIFIERS = allSpecifiers().map((x) => {
      const deprecated = /^DEPRECATED/.test(x.meaning);
      const info = { char: x.letter, meaning: x.meaning, since: x.contexts };
      return deprecated ? { ...info, deprecated } : info;
    }).filter((x) => x.char !== "%");
    BY_CHAR = new Map(SPECIFIERS.map((x) => [x.char, x]));
    CONTEXT_LABEL = {
      "unit-file-values": "unit file values",
      "unit-names": "unit names",
      install: "[Install] values",
      "manager-env": "manager environment settings"
    };
    PATH_SPECIFIERS = /* @__PURE__ */ new Set(["C", "d", "D", "E", "f", "h", "L", "s", "S", "t", "T", "V", "y", "Y", "c", "r", "R"]);
  }
});

// server/src/values/context.ts
function specifierContextFor(ctx) {
  const parser = ctx.parser;
  if (ctx.section === "Manager") {
    return parser === "config_parse_environ" ? "manager-env" : "none";
  }
  if (INSTALL_PARSERS.has(parser) || ctx.section === "Install") return "install";
  if (UNIT_NAME_PARSERS.has(parser)) return "unit-names";
  if (UNIT_FILE_VALUE_PARSERS.has(parser)) return "unit-file-values";
  return "none";
}
var UNIT_FILE_VALUE_PARSERS, UNIT_NAME_PARSERS, INSTALL_PARSERS;
var init_context = __esm({
  "server/src/values/context.ts"() {
    "use strict";
    UNIT_FILE_VALUE_PARSERS = /* @__PURE__ */ new Set([
      "config_parse_unit_string_printf",
      "config_parse_unit_path_printf",
      "config_parse_unit_path_strv_printf",
      "config_parse_unit_cpu_set",
      "config_parse_exec_cpu_affinity",
      "config_parse_exec_apparmor_profile",
      "config_parse_bind_paths",
      "config_parse_exec_directories",
      "config_parse_device_allow",
      "config_parse_environ",
      "config_parse_unit_env_file",
      "config_parse_namespace_path_strv",
      "config_parse_colon_separated_paths",
      "config_parse_extension_images",
      "config_parse_user_group_compat",
      "config_parse_user_group_strv_compat",
      "config_parse_ip_filter_bpf_progs",
      "config_parse_load_credential",
      "config_parse_set_credential",
      "config_parse_log_extra_fields",
      "config_parse_log_namespace",
      "config_parse_mount_images",
      "config_parse_pass_environ",
      "config_parse_unset_environ",
      "config_parse_root_image_options",
      "config_parse_exec_selinux_context",
      "config_parse_exec_smack_process_label",
      "config_parse_exec_output",
      "config_parse_exec_input",
      "config_parse_exec_input_text",
      "config_parse_temporary_filesystems",
      "config_parse_mount_node",
      "config_parse_working_directory",
      "config_parse_path_spec",
      "config_parse_bus_name",
      "config_parse_exec",
      "config_parse_pid_file",
      "config_parse_fdname",
      "config_parse_socket_listen",
      "config_parse_timer",
      "config_parse_unit_condition_string",
      "config_parse_unit_condition_path",
      "config_parse_documentation",
      "config_parse_reboot_parameter",
      "config_parse_unit_mounts_for",
      "config_parse_bpf_foreign_program",
      "config_parse_io_device_latency",
      "config_parse_io_device_weight",
      "config_parse_io_limit"
    ]);
    UNIT_NAME_PARSERS = /* @__PURE__ */ new Set([
      "config_parse_unit_deps",
      "config_parse_obsolete_unit_deps",
      "config_parse_unit_slice",
      "config_parse_trigger_unit",
      "config_parse_socket_service",
      "config_parse_service_sockets"
    ]);
    INSTALL_PARSERS = /* @__PURE__ */ new Set([
      "config_parse_alias[install.c]",
      "config_parse_also[install.c]",
      "config_parse_strv[install.c]",
      "config_parse_default_instance[install.c]"
    ]);
  }
});

// server/src/values/unitName.ts
function checkUnitName(name) {
  if (name === "") return { ok: false, reason: "the name is empty" };
  if (name.length >= UNIT_NAME_MAX) return { ok: false, reason: "the name is longer than 255 characters" };
  const dot = name.lastIndexOf(".");
  if (dot < 0) return { ok: false, reason: `it has no type suffix (.${UNIT_SUFFIXES.join(", .")})` };
  const type = name.slice(dot + 1);
  if (!UNIT_SUFFIXES.includes(type))
    return { ok: false, reason: `'.${type}' is not a unit type suffix` };
  const stem = name.slice(0, dot);
  if (stem === "") return { ok: false, reason: "the name before the suffix is empty" };
  const at2 = stem.indexOf("@");
  if (at2 === 0) return { ok: false, reason: "it cannot start with '@'" };
  const prefix = at2 < 0 ? stem : stem.slice(0, at2);
  const instance = at2 < 0 ? void 0 : stem.slice(at2 + 1);
  if (!NAME_CHARS.test(prefix))
    return {
      ok: false,
      reason: `'${prefix}' contains characters other than letters, digits, ':', '-', '_', '.' and '\\'`
    };
  if (instance !== void 0 && !/^[A-Za-z0-9:_.\\@-]*$/.test(instance)) {
    return {
      ok: false,
      reason: `the instance '${instance}' contains characters other than letters, digits, ':', '-', '_', '.', '@' and '\\' (escape them with systemd-escape)`
    };
  }
  return { ok: true, kind: instance === void 0 ? "plain" : instance === "" ? "template" : "instance", type };
}
function expandUnitNameSpecifiers(text, unitType) {
  if (!text.includes("%")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "%" && i + 1 < text.length) {
      const c = text[i + 1];
      if (c === "%") {
        out += "%";
        i++;
        continue;
      }
      if (/[A-Za-z0-9]/.test(c)) {
        out += c === "n" ? `x.${unitType ?? "service"}` : "x";
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}
function unitSpecs(raw, offset, ctx) {
  return checkSpecifiers(raw, specifierContextFor(ctx), ctx.targetVersion, offset);
}
function checkOne(raw, start, ctx, requiredType, allowTemplate = true) {
  const out = unitSpecs(raw, start, ctx);
  if (out.some((p) => p.severity === "error")) return out;
  const name = expandUnitNameSpecifiers(raw, ctx.unitType);
  const r = checkUnitName(name);
  const end = start + raw.length;
  if (!r.ok) {
    out.push(err(start, end, `Invalid unit name '${raw}': ${r.reason}.`));
    return out;
  }
  if (requiredType && r.type !== requiredType) {
    out.push(err(start, end, `${ctx.directive}= needs a .${requiredType} unit, but '${raw}' is a .${r.type} unit.`));
    return out;
  }
  if (!allowTemplate && r.kind === "template") {
    out.push(
      err(
        start,
        end,
        `${ctx.directive}= cannot name a template ('${raw}' has no instance); use an instance such as foo@bar.${r.type}.`
      )
    );
  }
  if (requiredType === "slice" && r.kind !== "plain") {
    out.push(err(start, end, `Slice units cannot be templated or instantiated: '${raw}'.`));
  }
  return out;
}
function validateUnit(value, ctx) {
  if (value === "") return [];
  switch (ctx.parser) {
    case "config_parse_unit_slice":
      return checkOne(value, 0, ctx, "slice");
    case "config_parse_socket_service":
      return checkOne(value, 0, ctx, "service", false);
    default:
      return checkOne(value, 0, ctx);
  }
}
function validateUnitList(value, ctx) {
  if (value === "") return [];
  const install = ctx.section === "Install";
  const { words: words4 } = splitWords(value, { retainEscape: true, unquote: install });
  const out = [];
  const requiredType = ctx.parser === "config_parse_service_sockets" ? "socket" : void 0;
  for (const w of words4) {
    const raw = install ? w.text : w.raw;
    if (!install && (raw.includes('"') || raw.includes("'"))) {
      out.push(
        err(
          w.start,
          w.end,
          `Invalid unit name '${raw}': quotes are not removed in ${ctx.directive}=; write the names without quotes.`
        )
      );
      continue;
    }
    if (raw.endsWith(",") && checkUnitName(expandUnitNameSpecifiers(raw.slice(0, -1), ctx.unitType)).ok) {
      out.push(err(w.start, w.end, `Invalid unit name '${raw}': separate unit names with spaces, not commas.`));
      continue;
    }
    if (install && ctx.directive === "Alias" && raw.includes("/")) {
      const slash = raw.lastIndexOf("/");
      const dir = raw.slice(0, slash);
      const base = raw.slice(slash + 1);
      const m = /^(.+)\.(wants|requires)$/.exec(dir);
      if (m && !dir.includes("/") && checkUnitName(expandUnitNameSpecifiers(m[1], ctx.unitType)).ok && checkUnitName(expandUnitNameSpecifiers(base, ctx.unitType)).ok) {
        out.push(
          warn(
            w.start,
            w.end,
            `Alias=${raw} is the old way to hook into ${m[1]}; use ${m[2] === "wants" ? "WantedBy" : "RequiredBy"}=${m[1]} instead.`
          )
        );
        continue;
      }
    }
    out.push(...checkOne(raw, w.start, ctx, requiredType));
  }
  return out;
}
var UNIT_SUFFIXES, UNIT_NAME_MAX, NAME_CHARS;
var init_unitName = __esm({
  "server/src/values/unitName.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    UNIT_SUFFIXES = [
      "service",
      "socket",
      "target",
      "device",
      "mount",
      "automount",
      "swap",
      "timer",
      "path",
      "slice",
      "scope"
    ];
    UNIT_NAME_MAX = 256;
    NAME_CHARS = /^[A-Za-z0-9:_.\\-]*$/;
  }
});

// server/src/units/safeRead.ts
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  statfsSync
} from "node:fs";
import { posix } from "node:path";
function errCode(e) {
  return e?.code ?? String(e);
}
function why(code) {
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many levels of symlinks (or a symlink appeared while reading)";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ENXIO":
      return "it is a socket or a device without a driver";
    default:
      return code;
  }
}
function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  const units2 = ["KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units2.length - 1);
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units2[u]}`;
}
function kindOfStats(st) {
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  return "not a regular file";
}
function isInsideRoots(p, roots) {
  for (const r of roots) {
    if (r === "/" || p === r || p.startsWith(r.endsWith("/") ? r : `${r}/`)) return true;
  }
  return false;
}
function realRoots(roots) {
  const out = /* @__PURE__ */ new Set();
  for (const r of roots) {
    const n = posix.resolve(r);
    out.add(n);
    try {
      out.add(realpathSync.native(n));
    } catch {
    }
  }
  return [...out];
}
function shown(path, real) {
  return real === posix.resolve(path) ? path : `${path} (which leads to ${real})`;
}
function checkReal(path, maxBytes, allowedRoots) {
  let real;
  try {
    real = realpathSync.native(path);
  } catch (e) {
    const c = errCode(e);
    return {
      ok: false,
      skipped: c === "ENOENT" ? "missing" : "unreadable",
      reason: `${path} cannot be read: ${why(c)}`
    };
  }
  if (allowedRoots && !isInsideRoots(real, realRoots(allowedRoots))) {
    return {
      ok: false,
      skipped: "outside-roots",
      reason: `${path} leads to ${real}, outside the workspace and the systemd folders; it was not followed`
    };
  }
  let st;
  try {
    st = statSync(real);
  } catch (e) {
    const c = errCode(e);
    return {
      ok: false,
      skipped: c === "ENOENT" ? "missing" : "unreadable",
      reason: `${shown(path, real)} cannot be read: ${why(c)}`
    };
  }
  if (st.isDirectory()) return { ok: false, skipped: "directory", reason: `${shown(path, real)} is a folder` };
  if (!st.isFile())
    return {
      ok: false,
      skipped: "not-a-regular-file",
      reason: `${shown(path, real)} is ${kindOfStats(st)}; only regular files are read`
    };
  const kernel = kernelFs(real);
  if (kernel)
    return {
      ok: false,
      skipped: "kernel-file",
      reason: `${shown(path, real)} is a file of the kernel's ${kernel} file system; only files on disk are read`
    };
  if (st.size > maxBytes)
    return { ok: false, skipped: "too-large", reason: tooLarge(shown(path, real), st.size, maxBytes) };
  return { ok: true, realPath: real, size: st.size };
}
function tooLarge(what, size, maxBytes) {
  return `${what} is ${size === void 0 ? "larger than" : `${formatBytes(size)}, over`} the ${formatBytes(maxBytes)} limit for unit files; it was not read`;
}
function kernelFs(real) {
  if (KERNEL_PREFIXES.some((p) => real.startsWith(p))) return real.split("/")[1];
  try {
    const t2 = statfsSync(real).type;
    return KERNEL_FS[t2];
  } catch {
    return void 0;
  }
}
function readReal(path, maxBytes, allowedRoots) {
  const c = checkReal(path, maxBytes, allowedRoots);
  if (!c.ok) return c;
  const real = c.realPath;
  let fd;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW | constants.O_NOCTTY);
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        ok: false,
        skipped: "not-a-regular-file",
        reason: `${shown(path, real)} is ${kindOfStats(st)}; only regular files are read`
      };
    if (st.size > maxBytes)
      return { ok: false, skipped: "too-large", reason: tooLarge(shown(path, real), st.size, maxBytes) };
    const cap2 = maxBytes + 1;
    const parts = [];
    let total = 0;
    let want = Math.min(cap2, Math.max(st.size + 1, 4096));
    while (total < cap2) {
      want = Math.min(want, cap2 - total);
      const b = Buffer.allocUnsafe(want);
      let n;
      try {
        n = readSync(fd, b, 0, want, null);
      } catch (e) {
        if (errCode(e) === "EAGAIN")
          return {
            ok: false,
            skipped: "not-a-regular-file",
            reason: `${shown(path, real)} would block; only regular files are read`
          };
        throw e;
      }
      if (n === 0) break;
      parts.push(n === want ? b : b.subarray(0, n));
      total += n;
      want = 1024 * 1024;
    }
    if (total > maxBytes)
      return { ok: false, skipped: "too-large", reason: tooLarge(shown(path, real), void 0, maxBytes) };
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
    const stat = {
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      dev: st.dev,
      ino: st.ino,
      size: st.size,
      mtimeMs: st.mtimeMs
    };
    return { ok: true, text: decodeBytes(bytes), bytes, realPath: real, stat };
  } catch (e) {
    const code = errCode(e);
    return {
      ok: false,
      skipped: code === "ENOENT" ? "missing" : "unreadable",
      reason: `${shown(path, real)} cannot be read: ${why(code)}`
    };
  } finally {
    if (fd !== void 0)
      try {
        closeSync(fd);
      } catch {
      }
  }
}
function readTextFileSafe(path, opts = {}) {
  const fs = opts.fs ?? realReadFs;
  try {
    return fs.read(path, { maxBytes: opts.maxBytes ?? MAX_UNIT_BYTES, allowedRoots: opts.allowedRoots });
  } catch (e) {
    return { ok: false, skipped: "unreadable", reason: `${path} cannot be read: ${why(errCode(e))}` };
  }
}
function checkFileSafe(path, opts = {}) {
  const fs = opts.fs ?? realReadFs;
  try {
    return fs.check(path, { maxBytes: opts.maxBytes ?? MAX_UNIT_BYTES, allowedRoots: opts.allowedRoots });
  } catch (e) {
    return { ok: false, skipped: "unreadable", reason: `${path} cannot be read: ${why(errCode(e))}` };
  }
}
function hostSystemdFolders(env = process.env) {
  const home = env.HOME;
  const configHome = env.XDG_CONFIG_HOME || (home ? posix.join(home, ".config") : void 0);
  const dataHome = env.XDG_DATA_HOME || (home ? posix.join(home, ".local/share") : void 0);
  const out = [
    "/etc/systemd",
    "/run/systemd",
    "/usr/lib/systemd",
    "/lib/systemd",
    "/usr/local/lib/systemd",
    "/usr/share/systemd",
    "/usr/local/share/systemd",
    "/etc/xdg/systemd"
  ];
  if (configHome) out.push(posix.join(configHome, "systemd"));
  if (dataHome) out.push(posix.join(dataHome, "systemd"));
  for (const d of (env.XDG_CONFIG_DIRS || "").split(":").filter((x) => x.startsWith("/")))
    out.push(posix.join(d, "systemd"));
  for (const d of (env.XDG_DATA_DIRS || "").split(":").filter((x) => x.startsWith("/")))
    out.push(posix.join(d, "systemd"));
  if (env.XDG_RUNTIME_DIR?.startsWith("/")) out.push(posix.join(env.XDG_RUNTIME_DIR, "systemd"));
  return [...new Set(out)];
}
var MAX_UNIT_BYTES, KERNEL_FS, KERNEL_PREFIXES, realReadFs;
var init_safeRead = __esm({
  "server/src/units/safeRead.ts"() {
    "use strict";
    init_bytes();
    MAX_UNIT_BYTES = 4 * 1024 * 1024;
    KERNEL_FS = {
      40864: "proc",
      1650812274: "sysfs",
      1684170528: "debugfs",
      1953653091: "tracefs",
      1935894131: "securityfs",
      2613483: "cgroup",
      1667723888: "cgroup2",
      1650812272: "configfs",
      3405662737: "bpf",
      1634035564: "pstore",
      3730735588: "efivarfs",
      1702057283: "fusectl",
      7377: "devpts",
      1112100429: "binfmt_misc"
    };
    KERNEL_PREFIXES = ["/proc/", "/sys/"];
    realReadFs = {
      check: (p, o) => checkReal(p, o.maxBytes, o.allowedRoots),
      read: (p, o) => readReal(p, o.maxBytes, o.allowedRoots)
    };
  }
});

// server/src/units/searchPaths.ts
import { homedir } from "node:os";
import { join as join2 } from "node:path";
function systemSearchPaths(root = "/") {
  const r = (p) => join2(root, p);
  return [
    { dir: r("etc/systemd/system.control"), vendor: false },
    { dir: r("run/systemd/system.control"), vendor: false },
    { dir: r("run/systemd/transient"), vendor: false },
    { dir: r("run/systemd/generator.early"), vendor: false },
    { dir: r("etc/systemd/system"), vendor: false },
    { dir: r("etc/systemd/system.attached"), vendor: false },
    { dir: r("run/systemd/system"), vendor: false },
    { dir: r("run/systemd/system.attached"), vendor: false },
    { dir: r("run/systemd/generator"), vendor: false },
    { dir: r("usr/local/lib/systemd/system"), vendor: true },
    { dir: r("lib/systemd/system"), vendor: true },
    { dir: r("usr/lib/systemd/system"), vendor: true },
    { dir: r("run/systemd/generator.late"), vendor: false }
  ];
}
function userSearchPaths(root = "/", env = process.env) {
  const home = env.HOME || homedir();
  const configHome = env.XDG_CONFIG_HOME || join2(home, ".config");
  const dataHome = env.XDG_DATA_HOME || join2(home, ".local/share");
  const configDirs = (env.XDG_CONFIG_DIRS || "/etc/xdg").split(":").filter(Boolean);
  const dataDirs = (env.XDG_DATA_DIRS || "/usr/local/share:/usr/share").split(":").filter(Boolean);
  const runtime = env.XDG_RUNTIME_DIR;
  const r = (p) => join2(root, p);
  const out = [
    { dir: r(join2(configHome, "systemd/user.control")), vendor: false },
    ...runtime ? [
      { dir: r(join2(runtime, "systemd/user.control")), vendor: false },
      { dir: r(join2(runtime, "systemd/transient")), vendor: false }
    ] : [],
    { dir: r(join2(configHome, "systemd/user")), vendor: false },
    ...configDirs.map((d) => ({ dir: r(join2(d, "systemd/user")), vendor: false })),
    { dir: r("etc/systemd/user"), vendor: false },
    ...runtime ? [{ dir: r(join2(runtime, "systemd/user")), vendor: false }] : [],
    { dir: r("run/systemd/user"), vendor: false },
    { dir: r(join2(dataHome, "systemd/user")), vendor: false },
    ...dataDirs.map((d) => ({ dir: r(join2(d, "systemd/user")), vendor: true })),
    { dir: r("usr/local/lib/systemd/user"), vendor: true },
    { dir: r("usr/lib/systemd/user"), vendor: true }
  ];
  return out;
}
function unitPathRoot(path) {
  const m = /^(.*?)\/(?:etc|run|usr\/local\/lib|usr\/lib|lib|usr\/share|usr\/local\/share)\/systemd\/(system|user)\//.exec(
    path
  );
  return m ? { root: m[1] || "/", scope: m[2] === "user" ? "user" : "system" } : void 0;
}
var init_searchPaths = __esm({
  "server/src/units/searchPaths.ts"() {
    "use strict";
  }
});

// server/src/util/cache.ts
function ownString(s) {
  return Buffer.from(s, "utf8").toString("utf8");
}
var registry, BoundedCache;
var init_cache = __esm({
  "server/src/util/cache.ts"() {
    "use strict";
    registry = /* @__PURE__ */ new Set();
    BoundedCache = class {
      constructor(opts) {
        this.opts = opts;
        this.now = opts.now ?? Date.now;
        this.half = Math.max(1, Math.ceil(opts.max / 2));
        registry.add(new WeakRef(this));
      }
      opts;
      young = /* @__PURE__ */ new Map();
      old = /* @__PURE__ */ new Map();
      now;
      half;
      fresh(slot) {
        return slot !== void 0 && (this.opts.ttlMs === Infinity || this.now() - slot.at < this.opts.ttlMs);
      }
      /** The cached value, or `compute()`'s result, stored. */
      get(key2, compute) {
        const hit = this.young.get(key2);
        if (this.fresh(hit)) return hit.value;
        const older = this.old.get(key2);
        if (this.fresh(older)) {
          this.put(key2, older);
          return older.value;
        }
        const value = compute();
        this.set(key2, value);
        return value;
      }
      peek(key2) {
        const hit = this.young.get(key2) ?? this.old.get(key2);
        return this.fresh(hit) ? hit.value : void 0;
      }
      set(key2, value) {
        this.put(key2, { at: this.opts.ttlMs === Infinity ? 0 : this.now(), value });
      }
      put(key2, slot) {
        if (this.young.size >= this.half && !this.young.has(key2)) {
          this.old = this.young;
          this.young = /* @__PURE__ */ new Map();
        }
        this.young.set(key2, slot);
      }
      clear() {
        this.young = /* @__PURE__ */ new Map();
        this.old = /* @__PURE__ */ new Map();
      }
      get size() {
        return this.young.size + this.old.size;
      }
    };
  }
});

// server/src/units/hierarchy.ts
import { lstatSync, readdirSync, readlinkSync, realpathSync as realpathSync2 } from "node:fs";
import { posix as posix2 } from "node:path";
function typeOf(st) {
  return st.isSymbolicLink() ? "symlink" : st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
}
function cachedLookups(fs, ttlMs = 2e3, now) {
  const stats = new BoundedCache({ max: 2e4, ttlMs, now });
  const links = new BoundedCache({ max: 2e4, ttlMs, now });
  const dirs = new BoundedCache({ max: 2e3, ttlMs, now });
  const reals = new BoundedCache({ max: 2e4, ttlMs, now });
  const realpath = fs.realpath?.bind(fs);
  return {
    // A regular file is looked at afresh each time: its size decides whether it masks (an empty file), and a drop-in
    // just created empty is written a moment later. Folders, links and absent paths are kept.
    lstat: (p) => {
      const hit = stats.peek(p);
      if (hit !== void 0) return hit ?? void 0;
      const st = fs.lstat(p);
      if (st?.type !== "file") stats.set(p, st ?? null);
      return st;
    },
    readlink: (p) => links.get(p, () => fs.readlink(p)),
    // A copy for each caller: callers may sort or filter the list they get.
    readdir: (p) => dirs.get(p, () => fs.readdir(p))?.slice(),
    readFile: (p) => fs.readFile(p),
    ...realpath ? { realpath: (p) => reals.get(p, () => realpath(p)) } : {},
    ...fs.safe ? { safe: fs.safe } : {},
    clear() {
      for (const c of [stats, links, dirs, reals]) c.clear();
    }
  };
}
function resolveInRoot(fs, root, path) {
  let cur = path;
  let linkText;
  for (let hops = 0; hops < 32; hops++) {
    const st = fs.lstat(cur);
    if (!st) return { path, target: cur, type: "missing", masked: false, linkText, size: 0 };
    if (st.type !== "symlink") {
      const isNull = cur === "/dev/null" || root !== "/" && cur === join3(root, "dev/null") && st.type !== "file";
      const type = st.type === "file" ? "file" : st.type === "dir" ? "dir" : "other";
      return { path, target: cur, type, masked: isNull || type === "file" && st.size === 0, linkText, size: st.size };
    }
    const t2 = fs.readlink(cur);
    if (t2 === void 0) return { path, target: cur, type: "missing", masked: false, linkText, size: 0 };
    if (linkText === void 0) linkText = t2;
    if (t2 === "/dev/null") return { path, target: "/dev/null", type: "other", masked: true, linkText, size: 0 };
    cur = isAbsolute(t2) ? root === "/" ? posix2.normalize(t2) : join3(root, t2) : resolve(dirname(cur), t2);
  }
  return { path, target: cur, type: "missing", masked: false, linkText, size: 0 };
}
function readRootsFor(opts) {
  const env = opts.env ?? process.env;
  const host = hostSystemdFolders(env);
  const roots = [opts.root ?? "/", ...opts.extraRoots ?? []].filter((r) => posix2.resolve(r) !== "/");
  const all = [
    ...new Set(
      [...roots, ...opts.unitDirs ?? [], ...opts.readRoots ?? []].map((r) => posix2.resolve(r)).concat(host)
    )
  ];
  return { all, forPath: (path) => isInsideRoots(posix2.normalize(path), host) ? void 0 : all };
}
function isVendorPath(path, roots = ["/"]) {
  const p = posix2.normalize(path);
  for (const r of roots) {
    const rel = posix2.relative(r, p);
    if (rel.startsWith("..") || isAbsolute(rel)) continue;
    if (VENDOR_PREFIXES.some((v) => `${rel}/`.startsWith(v))) return true;
  }
  return false;
}
function unitSearchDirs(opts = {}) {
  const root = opts.root ?? "/";
  const roots = [root, ...opts.extraRoots ?? []];
  const base = (opts.scope ?? "system") === "system" ? systemSearchPaths("/") : userSearchPaths("/", opts.env ?? process.env);
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const push = (d) => {
    if (seen.has(d.dir)) return;
    seen.add(d.dir);
    out.push(d);
  };
  for (const d of opts.unitDirs ?? [])
    push({ dir: posix2.resolve(d), vendor: isVendorPath(posix2.resolve(d), roots), root });
  for (const p of base) for (const r of roots) push({ dir: join3(r, p.dir), vendor: p.vendor, root: r });
  return out;
}
function unitTypeOfName(name) {
  const dot = name.lastIndexOf(".");
  const t2 = dot >= 0 ? name.slice(dot + 1) : "";
  return TYPE_SET2.has(t2) ? t2 : void 0;
}
function isInstanceName(name) {
  const r = checkUnitName(name);
  return r.ok && r.kind === "instance";
}
function templateOf(name) {
  const at2 = name.indexOf("@");
  const dot = name.lastIndexOf(".");
  if (at2 <= 0 || dot <= at2 + 1) return void 0;
  return `${name.slice(0, at2 + 1)}${name.slice(dot)}`;
}
function prefixOf(name) {
  const at2 = name.indexOf("@");
  return at2 >= 0 ? name.slice(0, at2) : name.slice(0, name.lastIndexOf("."));
}
function instanceOf(name) {
  const at2 = name.indexOf("@");
  const dot = name.lastIndexOf(".");
  return at2 >= 0 && dot > at2 + 1 ? name.slice(at2 + 1, dot) : void 0;
}
function dropInDirNamesFor(name, level = "unit") {
  const out = [];
  const walk2 = (n, lv, depth) => {
    if (depth > 64) return;
    out.push({ name: n, level: lv });
    if (isInstanceName(n)) {
      const t2 = templateOf(n);
      if (t2) walk2(t2, lv === "unit" ? "template" : lv, depth + 1);
    }
    if (TYPE_SET2.has(n)) return;
    let prefix = prefixOf(n);
    let chopped = false;
    for (; ; ) {
      const dash = prefix.lastIndexOf("-");
      if (dash < 0 || dash === 0) return;
      if (dash + 1 < prefix.length || chopped) {
        prefix = prefix.slice(0, dash + 1);
        break;
      }
      prefix = prefix.slice(0, dash);
      chopped = true;
    }
    if (!/^[A-Za-z0-9:_.\\-]+$/.test(prefix)) return;
    const type = unitTypeOfName(n);
    if (!type) return;
    const inst = isInstanceName(n) ? instanceOf(n) : void 0;
    walk2(
      inst !== void 0 ? `${prefix}@${inst}.${type}` : `${prefix}.${type}`,
      lv === "alias" ? "alias" : "prefix",
      depth + 1
    );
  };
  walk2(name, level, 0);
  return out;
}
function isIgnoredConfName(name) {
  return name.startsWith(".") || name.endsWith(".ignore") || !name.endsWith(".conf") || name === ".conf";
}
function listDropInFiles(dirs, fs, readRoots) {
  const byName = /* @__PURE__ */ new Map();
  const seenDirs = /* @__PURE__ */ new Set();
  for (const d of dirs) {
    const real = fs.realpath?.(d.dir) ?? d.dir;
    if (seenDirs.has(real)) continue;
    seenDirs.add(real);
    const st = resolveInRoot(fs, d.root, d.dir);
    if (st.type !== "dir") continue;
    const names = fs.readdir(st.target);
    if (!names) continue;
    for (const n of names) {
      if (isIgnoredConfName(n)) continue;
      const p = join3(d.dir, n);
      const r = resolveInRoot(fs, d.root, p);
      if (r.type === "dir" || r.type === "missing") continue;
      const prev = byName.get(n);
      if (prev) prev.shadows.push({ path: p, vendor: d.vendor });
      else byName.set(n, { winner: { d, path: p }, shadows: [] });
    }
  }
  const out = [];
  for (const [name, { winner, shadows }] of byName) {
    const r = resolveInRoot(fs, winner.d.root, winner.path);
    out.push({
      path: winner.path,
      name,
      dir: winner.d.dir,
      vendor: winner.d.vendor || r.target !== winner.path && isVendorPath(r.target, [winner.d.root]),
      level: winner.d.level,
      masked: r.masked,
      target: r.target,
      shadows,
      readRoots: readRoots?.(winner.path)
    });
  }
  return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function findFile(name, dirs, fs) {
  let hit;
  const rest2 = [];
  let hitReal;
  for (const sd of dirs) {
    const p = join3(sd.dir, name);
    const st = fs.lstat(p);
    if (!st || st.type === "dir") continue;
    const r = resolveInRoot(fs, sd.root, p);
    if (r.type === "dir") continue;
    if (!hit) {
      hit = { sd, r };
      hitReal = fs.realpath?.(p);
      continue;
    }
    const real = fs.realpath?.(p);
    if (real !== void 0 && real === hitReal) continue;
    rest2.push({ path: p, vendor: sd.vendor });
  }
  return { hit, rest: rest2 };
}
function reverseAliases(id, fragmentTarget, dirs, fs) {
  const type = unitTypeOfName(id);
  const out = /* @__PURE__ */ new Set();
  for (const sd of dirs) {
    const names = fs.readdir(sd.dir);
    if (!names) continue;
    for (const n of names) {
      if (n === id || unitTypeOfName(n) !== type || !checkUnitName(n).ok) continue;
      const p = join3(sd.dir, n);
      if (fs.lstat(p)?.type !== "symlink") continue;
      const t2 = fs.readlink(p);
      if (!t2 || t2 === "/dev/null") continue;
      const r = resolveInRoot(fs, sd.root, p);
      if (basename(t2) === id || fragmentTarget !== void 0 && r.target === fragmentTarget) out.add(n);
    }
  }
  return [...out].sort();
}
function dropInDirsFor(id, aliases, dirs, suffix = ".d") {
  const out = [];
  const add = (names) => {
    for (const sd of dirs)
      for (const n of names)
        out.push({ dir: join3(sd.dir, n.name + suffix), vendor: sd.vendor, level: n.level, root: sd.root });
  };
  add(dropInDirNamesFor(id, "unit"));
  for (const a of aliases) add(dropInDirNamesFor(a, "alias"));
  const type = unitTypeOfName(id);
  if (type) add([{ name: type, level: "type" }]);
  return out;
}
function findUnitHierarchy(name, opts = {}) {
  const fs = opts.fs ?? realFs;
  const scope = opts.scope ?? "system";
  const dirs = unitSearchDirs(opts);
  const type = unitTypeOfName(name) ?? "service";
  const reads = readRootsFor(opts);
  let { hit, rest: rest2 } = findFile(name, dirs, fs);
  let id = name;
  if (!hit) {
    const t2 = templateOf(name);
    if (t2 && isInstanceName(name)) ({ hit, rest: rest2 } = findFile(t2, dirs, fs));
  }
  let fragment;
  let masked = false;
  let maskedBy;
  const aliases = /* @__PURE__ */ new Set();
  if (hit) {
    if (hit.r.masked) {
      masked = true;
      maskedBy = hit.r.path;
    } else if (hit.r.type === "file") {
      const vendor = hit.sd.vendor || hit.r.linkText !== void 0 && isVendorPath(hit.r.target, [hit.sd.root]);
      fragment = {
        path: hit.r.path,
        vendor,
        target: hit.r.target,
        linkText: hit.r.linkText,
        readRoots: reads.forPath(hit.r.path)
      };
      const targetName = basename(hit.r.target);
      const foundName = basename(hit.r.path);
      if (hit.r.linkText !== void 0 && foundName === name && targetName !== name && checkUnitName(targetName).ok && unitTypeOfName(targetName) === type) {
        id = targetName;
        aliases.add(name);
      }
    }
  }
  if (!masked) {
    for (const a of reverseAliases(id, fragment?.target, dirs, fs)) if (a !== id) aliases.add(a);
  }
  const aliasList = [...aliases].sort();
  const dropInDirs = dropInDirsFor(id, aliasList, dirs);
  const dropIns = listDropInFiles(dropInDirs, fs, reads.forPath);
  return {
    name,
    id,
    type,
    scope,
    fragment,
    shadowedFragments: rest2,
    masked,
    maskedBy,
    aliases: aliasList,
    dropIns,
    dropInDirs,
    searchDirs: dirs,
    readRoots: reads.all
  };
}
function findUnitHierarchyInRoots(name, opts) {
  const { roots, ...rest2 } = opts;
  let first;
  for (const root of roots.length ? roots : ["/"]) {
    const h = findUnitHierarchy(name, { ...rest2, root });
    if (h.fragment || h.masked) return h;
    first ??= h;
  }
  return first;
}
function readHierarchyFileResult(fs, f) {
  if (f.masked) return { ok: true, text: "", bytes: new Uint8Array(0), realPath: f.target };
  const shownPath = f.path ?? f.target;
  if (fs.safe) {
    const r = readTextFileSafe(f.target, { fs: fs.safe, allowedRoots: f.readRoots });
    return r.ok || shownPath === f.target ? r : { ...r, reason: `${shownPath} \u2192 ${r.reason}` };
  }
  const text = fs.readFile(f.target);
  return text === void 0 ? { ok: false, skipped: "unreadable", reason: `${shownPath} cannot be read` } : { ok: true, text, bytes: encodeText(text), realPath: f.target };
}
function readHierarchyFile(fs, f) {
  const r = readHierarchyFileResult(fs, f);
  return r.ok ? r.text : void 0;
}
var join3, dirname, basename, isAbsolute, resolve, realFs, VENDOR_PREFIXES, TYPE_SET2;
var init_hierarchy = __esm({
  "server/src/units/hierarchy.ts"() {
    "use strict";
    init_catalog();
    init_bytes();
    init_unitName();
    init_safeRead();
    init_searchPaths();
    init_cache();
    ({ join: join3, dirname, basename, isAbsolute, resolve } = posix2);
    realFs = {
      lstat(p) {
        try {
          const st = lstatSync(p, { throwIfNoEntry: false });
          return st ? { type: typeOf(st), size: st.size } : void 0;
        } catch {
          return void 0;
        }
      },
      readlink(p) {
        try {
          return readlinkSync(p);
        } catch {
          return void 0;
        }
      },
      readdir(p) {
        try {
          return readdirSync(p);
        } catch {
          return void 0;
        }
      },
      readFile(p) {
        const r = readTextFileSafe(p);
        return r.ok ? r.text : void 0;
      },
      realpath(p) {
        try {
          return realpathSync2(p);
        } catch {
          return void 0;
        }
      },
      safe: realReadFs
    };
    VENDOR_PREFIXES = ["usr/lib/", "lib/", "usr/local/lib/", "usr/share/", "usr/local/share/"];
    TYPE_SET2 = new Set(UNIT_TYPES);
  }
});

// server/src/catalog/parserFacts.ts
function isFirstWins(parser) {
  return FIRST_WINS_PARSERS.has(parser);
}
var EMPTY_REFUSED_252, FIRST_WINS_PARSERS;
var init_parserFacts = __esm({
  "server/src/catalog/parserFacts.ts"() {
    "use strict";
    EMPTY_REFUSED_252 = /* @__PURE__ */ new Set([
      "config_parse_bool",
      "config_parse_bus_name",
      "config_parse_collect_mode",
      "config_parse_device_policy",
      "config_parse_emergency_action",
      "config_parse_exec_cpu_sched_prio",
      "config_parse_exec_input",
      "config_parse_exec_keyring_mode",
      "config_parse_exec_output",
      "config_parse_exec_preserve_mode",
      "config_parse_exec_utmp_mode",
      "config_parse_iec_size",
      "config_parse_int",
      "config_parse_job_mode",
      "config_parse_job_mode_isolate",
      "config_parse_job_running_timeout_sec",
      "config_parse_job_timeout_sec",
      "config_parse_log_facility",
      "config_parse_log_level",
      "config_parse_long",
      "config_parse_managed_oom_preference",
      "config_parse_mode",
      "config_parse_notify_access",
      "config_parse_nsec",
      "config_parse_oom_policy",
      "config_parse_private_tmp",
      "config_parse_private_users",
      "config_parse_proc_subset",
      "config_parse_protect_control_groups",
      "config_parse_protect_home",
      "config_parse_protect_hostname",
      "config_parse_protect_proc",
      "config_parse_protect_system",
      "config_parse_rlimit",
      "config_parse_sec",
      "config_parse_sec_fix_0",
      "config_parse_service_exit_type",
      "config_parse_service_restart",
      "config_parse_service_timeout",
      "config_parse_service_timeout_failure_mode",
      "config_parse_service_type",
      "config_parse_signal",
      "config_parse_socket_bind",
      "config_parse_socket_protocol",
      "config_parse_socket_service",
      "config_parse_socket_timestamping",
      "config_parse_unit_slice",
      "config_parse_unsigned"
    ]);
    FIRST_WINS_PARSERS = /* @__PURE__ */ new Set(["config_parse_trigger_unit"]);
  }
});

// server/src/units/effective.ts
function canonicalDirective(section, key2) {
  const info = lookupDirective(section, key2);
  if (!info || !info.replacement) return { section, name: key2, info };
  if (info.status !== "renamed" && info.status !== "compat-moved" && info.status !== "deprecated")
    return { section, name: key2, info };
  const m = /^(?:\[(\w+)\]\s*)?([A-Za-z0-9]+)$/.exec(info.replacement.trim());
  if (!m) return { section, name: key2, info };
  const targetSection = m[1] ?? section;
  const target = lookupDirective(targetSection, m[2]);
  if (!target) return { section, name: key2, info };
  const same = target.parser === info.parser || target.list === "add-only" && info.list === "add-only";
  return same ? { section: targetSection, name: target.name, info: target } : { section, name: key2, info };
}
function mergeModeOf(info) {
  if (!info) return "single";
  if (isFirstWins(info.parser)) return "first-wins";
  return info.list === "yes" ? "list" : info.list === "add-only" ? "add-only" : "single";
}
function resetGroupOf(section, name, info) {
  if (!info || info.list !== "yes") return void 0;
  if (section === "Unit" && info.kind === "condition") return name.startsWith("Assert") ? "asserts" : "conditions";
  if (info.parser === "config_parse_timer") return "timer-triggers";
  if (info.parser === "config_parse_path_spec") return "path-watches";
  return void 0;
}
function listResetOf(info) {
  if (!info || info.list !== "yes") return PLAIN_RESET;
  const def = info.defaultValue.trim();
  if (def === "" || /^empty\b/i.test(def)) return PLAIN_RESET;
  if (info.parser === "config_parse_capability_set")
    return { emptyIsDefault: false, token: "~", isResetToken: (v) => v === "~" };
  if (info.parser === "config_parse_delegate")
    return { emptyIsDefault: false, token: "no", isResetToken: (v) => FALSE_WORDS.has(v.toLowerCase()) };
  return { emptyIsDefault: false, token: void 0, isResetToken: () => false };
}
function wordsOf(value) {
  return value.split(/[ \t\n\r]+/).filter((w) => w.length > 0);
}
function comparableValues(d) {
  if (d.mode === "add-only") return [...new Set(d.values.flatMap((v) => wordsOf(v.value)))].sort();
  return d.values.map((v) => v.value);
}
function where(o) {
  return `${o.file}:${o.line}`;
}
function quote(v) {
  const s = v.length > 80 ? `${v.slice(0, 77)}\u2026` : v;
  return `\`${s}\``;
}
function describeOrigin(d, setBy, overridden, resetBy, ignored) {
  const parts = [];
  const prev = overridden[0];
  const prevText = prev ? ` the ${prev.vendor ? "vendor " : ""}value ${quote(prev.value)} (${where(prev)})` : "";
  if (setBy.length === 0) {
    if (resetBy)
      parts.push(
        `${d.mode === "single" ? "reset to its default" : "cleared"} by the empty assignment in ${where(resetBy)}${prev ? `, replacing${prevText}` : ""}`
      );
    else parts.push("not set (default)");
  } else if (d.mode === "single" || d.mode === "first-wins") {
    parts.push(`set in ${where(setBy[0])}${prev ? `, overrides${prevText}` : ""}`);
  } else {
    parts.push(`${setBy.length} value${setBy.length === 1 ? "" : "s"} from ${setBy.map(where).join(", ")}`);
    if (resetBy)
      parts.push(
        `after the empty assignment in ${where(resetBy)} cleared ${overridden.length ? `${overridden.length} earlier value${overridden.length === 1 ? "" : "s"}${prev?.vendor ? " (vendor)" : ""}` : "the list"}`
      );
  }
  if (ignored.length)
    parts.push(`ignored: ${ignored.map((e) => `${where(e.origin)} (${e.reason ?? "ignored"})`).join("; ")}`);
  return parts.join("; ");
}
function mergeUnit(sources) {
  const eff = new EffectiveUnit(sources.map((s) => ({ path: s.path, vendor: s.vendor ?? false })));
  for (const src of sources) {
    const doc = src.doc ?? parseUnit(src.text ?? "");
    for (const section of doc.sections) {
      for (const a of section.assignments) {
        const origin = {
          file: src.path,
          line: a.line + 1,
          section: section.name ?? "",
          key: a.key,
          value: a.value,
          vendor: src.vendor ?? false
        };
        if (section.name === void 0) {
          eff.outsideSection.push(origin);
          continue;
        }
        eff.apply(section.name, origin);
      }
    }
  }
  return eff;
}
function effectiveOfText(text, path = "<text>") {
  return mergeUnit([typeof text === "string" ? { path, text } : { path, doc: text }]);
}
function guessUnitType(sections) {
  for (const t2 of UNIT_TYPES) if (sections.includes(typeSection(t2))) return t2;
  return void 0;
}
function renderEffective(eff, opts = {}) {
  const comments = opts.comments ?? true;
  const out = [];
  if (opts.header ?? true) {
    out.push(`# Effective configuration${opts.unitName ? ` of ${opts.unitName}` : ""}, merged from:`);
    for (const s of eff.sources) out.push(`#   ${s.path}${s.vendor ? " (vendor)" : ""}`);
    if (eff.sources.length === 0) out.push("#   (no files)");
    for (const n of opts.notes ?? []) out.push(`# ${n}`);
  }
  const dirs = eff.directives();
  let current;
  for (const d of dirs) {
    if (d.section !== current) {
      if (out.length) out.push("");
      out.push(`[${d.section}]`);
      current = d.section;
    }
    const info = eff.originOf(d.section, d.name);
    if (d.values.length === 0) {
      if (comments && info.resetBy)
        out.push(`# ${d.name}= ${d.mode === "single" ? "reset to its default" : "cleared"} by ${where(info.resetBy)}`);
      continue;
    }
    d.values.forEach((v, i) => {
      if (comments) {
        let c = `# from ${where(v.origin)}`;
        if (v.overrides.length)
          c += `, overrides ${v.overrides.slice(0, 3).map(where).join(", ")}${v.overrides.length > 3 ? ", \u2026" : ""}`;
        if (i === 0 && d.info === void 0) c += " (unknown to systemd: ignored)";
        out.push(c);
      }
      out.push(`${d.name}=${v.value}`);
    });
    if (comments)
      for (const e of info.ignored)
        out.push(`# ignored: ${e.origin.key}=${e.origin.value} at ${where(e.origin)} (${e.reason ?? ""})`);
  }
  return `${out.join("\n")}
`;
}
function loadEffectiveUnit(h, fs = realFs) {
  const sources = [];
  const skipped = [];
  if (h.fragment && !h.masked) {
    const r = readHierarchyFileResult(fs, h.fragment);
    if (!r.ok) skipped.push({ path: h.fragment.path, reason: r.reason });
    else sources.push({ path: h.fragment.target, text: r.text, vendor: h.fragment.vendor });
  }
  for (const d of h.dropIns) {
    const r = readHierarchyFileResult(fs, d);
    if (!r.ok) skipped.push({ path: d.path, reason: r.reason });
    else sources.push({ path: d.masked ? d.path : d.target, text: r.text, vendor: d.vendor });
  }
  return { effective: mergeUnit(sources), unreadable: skipped.map((s) => s.path), skipped };
}
var PLAIN_RESET, FALSE_WORDS, SECTION_RANK, EffectiveUnit;
var init_effective = __esm({
  "server/src/units/effective.ts"() {
    "use strict";
    init_catalog();
    init_parser();
    init_hierarchy();
    init_parserFacts();
    PLAIN_RESET = { emptyIsDefault: true, token: void 0, isResetToken: () => false };
    FALSE_WORDS = /* @__PURE__ */ new Set(["0", "no", "n", "false", "f", "off"]);
    SECTION_RANK = (s) => s === "Unit" ? 0 : s === "Install" ? 2 : 1;
    EffectiveUnit = class _EffectiveUnit {
      constructor(sources) {
        this.sources = sources;
      }
      sources;
      /** Lines systemd ignores outright (assignments before any section header). */
      outsideSection = [];
      dirs = /* @__PURE__ */ new Map();
      order = [];
      static key(section, name) {
        return `${section}\0${name}`;
      }
      /** @internal Apply one assignment. */
      apply(sectionName, origin) {
        const c = canonicalDirective(sectionName, origin.key);
        const k = _EffectiveUnit.key(c.section, c.name);
        let d = this.dirs.get(k);
        if (!d) {
          d = {
            section: c.section,
            name: c.name,
            mode: mergeModeOf(c.info),
            group: resetGroupOf(c.section, c.name, c.info),
            info: c.info,
            values: [],
            events: [],
            pending: []
          };
          this.dirs.set(k, d);
          this.order.push(k);
        }
        const empty = origin.value === "";
        const dir = d;
        const clear = (x) => {
          x.pending = [...x.values.map((v) => v.origin).reverse(), ...x.pending];
          x.values = [];
        };
        const take = () => {
          const v = { value: origin.value, origin, overrides: dir.pending };
          dir.pending = [];
          return v;
        };
        switch (d.mode) {
          case "single":
            clear(d);
            if (!empty) d.values = [take()];
            d.events.push({ kind: empty ? "reset" : "set", origin });
            break;
          case "first-wins":
            if (empty)
              d.events.push({ kind: "ignored", origin, reason: "an empty value is not a unit name; systemd ignores it" });
            else if (d.values.length > 0)
              d.events.push({
                kind: "ignored",
                origin,
                reason: `the first ${d.name}= wins; systemd ignores later ones ("Multiple units to trigger specified")`
              });
            else {
              d.values = [take()];
              d.events.push({ kind: "set", origin });
            }
            break;
          case "add-only":
            if (empty)
              d.events.push({
                kind: "ignored",
                origin,
                reason: `an empty ${d.name}= does nothing: dependencies can only be added, never removed`
              });
            else {
              d.values.push(take());
              d.events.push({ kind: "append", origin });
            }
            break;
          case "list": {
            const lr = listResetOf(d.info);
            if (!lr.emptyIsDefault) {
              if (lr.isResetToken(origin.value)) {
                clear(d);
                d.events.push({ kind: "reset", origin });
              } else if (empty) {
                clear(d);
                d.values = [take()];
                d.events.push({ kind: "set", origin });
              } else {
                d.values.push(take());
                d.events.push({ kind: "append", origin });
              }
              break;
            }
            if (!empty) {
              d.values.push(take());
              d.events.push({ kind: "append", origin });
              break;
            }
            clear(d);
            d.events.push({ kind: "reset", origin });
            if (d.group) {
              for (const other of this.dirs.values()) {
                if (other === d || other.group !== d.group || other.section !== d.section) continue;
                if (other.values.length === 0) continue;
                clear(other);
                other.events.push({ kind: "group-reset", origin });
              }
            }
            break;
          }
        }
      }
      /** All directives that were assigned, sections in the order [Unit], type sections, others, [Install]. */
      directives() {
        const all = this.order.map((k) => this.dirs.get(k));
        const sectionOrder2 = this.sectionNames();
        return sectionOrder2.flatMap((s) => all.filter((d) => d.section === s));
      }
      sectionNames() {
        const seen = [];
        for (const k of this.order) {
          const s = this.dirs.get(k).section;
          if (!seen.includes(s)) seen.push(s);
        }
        return seen.map((s, i) => ({ s, i })).sort((a, b) => SECTION_RANK(a.s) - SECTION_RANK(b.s) || a.i - b.i).map((x) => x.s);
      }
      get(section, name) {
        const c = canonicalDirective(section, name);
        return this.dirs.get(_EffectiveUnit.key(c.section, c.name));
      }
      /** The values in effect for comparison: lines in order; for add-only lists the set of words, sorted. */
      valuesOf(section, name) {
        const d = this.get(section, name);
        return d ? comparableValues(d) : [];
      }
      /** Where a directive's value comes from, for hover. */
      originOf(section, name) {
        const d = this.get(section, name);
        if (!d) return void 0;
        const setBy = d.values.map((v) => v.origin);
        const live = new Set(setBy);
        const ignored = d.events.filter((e) => e.kind === "ignored");
        const ignoredSet = new Set(ignored.map((e) => e.origin));
        let resetBy;
        for (const e of d.events) if (e.kind === "reset" || e.kind === "group-reset") resetBy = e.origin;
        if (d.mode === "single" && d.values.length > 0) resetBy = void 0;
        const overridden = d.events.filter((e) => (e.kind === "set" || e.kind === "append") && !live.has(e.origin) && !ignoredSet.has(e.origin)).map((e) => e.origin).reverse();
        return {
          directive: d,
          setBy,
          overridden,
          resetBy,
          ignored,
          message: describeOrigin(d, setBy, overridden, resetBy, ignored)
        };
      }
    };
  }
});

// server/src/services/security/securityData.generated.ts
var securityTables;
var init_securityData_generated = __esm({
  "server/src/services/security/securityData.generated.ts"() {
    "use strict";
    init_dataFile();
    securityTables = lazyJson("services/security/securityData.generated.json");
  }
});

// server/src/services/security/tables.ts
var securityChecks, syscallGroups252, addressFamilies, capabilities, nativeSyscalls, architectures;
var init_tables = __esm({
  "server/src/services/security/tables.ts"() {
    "use strict";
    init_securityData_generated();
    init_dataFile();
    securityChecks = () => securityTables().SECURITY_CHECKS;
    syscallGroups252 = () => securityTables().SYSCALL_GROUPS_252;
    addressFamilies = () => securityTables().ADDRESS_FAMILIES;
    capabilities = () => securityTables().CAPABILITIES;
    nativeSyscalls = once(() => new Set(securityTables().NATIVE_SYSCALLS));
    architectures = once(() => new Set(securityTables().ARCHITECTURES));
  }
});

// server/src/values/bool.ts
function parseBoolean(text) {
  const t2 = text.toLowerCase();
  if (TRUE.includes(t2)) return true;
  if (FALSE.includes(t2)) return false;
  return void 0;
}
function validateBool(value, _ctx) {
  if (value === "") return [];
  if (parseBoolean(value) !== void 0) return [];
  return [err(0, value.length, `Invalid boolean '${value}': expected ${BOOLEAN_HINT}.`)];
}
function validateTristate(value, ctx) {
  return validateBool(value, ctx);
}
var TRUE, FALSE, BOOLEAN_HINT;
var init_bool = __esm({
  "server/src/values/bool.ts"() {
    "use strict";
    init_util();
    TRUE = ["1", "yes", "y", "true", "t", "on"];
    FALSE = ["0", "no", "n", "false", "f", "off"];
    BOOLEAN_HINT = "yes/no, true/false, on/off or 1/0";
  }
});

// server/src/values/bytes.ts
function factor(suffix, base) {
  switch (suffix) {
    case "E":
      return base ** 6;
    case "P":
      return base ** 5;
    case "T":
      return base ** 4;
    case "G":
      return base ** 3;
    case "M":
      return base ** 2;
    case "K":
      return base;
    default:
      return 1;
  }
}
function parseBytes(text, base = 1024) {
  const n = text.length;
  let p = 0;
  let total = 0;
  let startPos = 0;
  do {
    while (p < n && isWs(text[p])) p++;
    const compStart = p;
    let q2 = p;
    if (text[q2] === "-") return { error: "negative sizes are not allowed", start: q2, end: n };
    if (text[q2] === "+") q2++;
    const ds = q2;
    while (q2 < n && isDigit(text[q2])) q2++;
    if (q2 === ds) {
      let r = p;
      while (r < n && !isWs(text[r])) r++;
      return { error: `'${text.slice(p, Math.max(r, p + 1))}' is not a number`, start: p, end: Math.max(r, p + 1) };
    }
    const dsEnd = q2;
    const intVal = Number(text.slice(ds, q2));
    let frac = 0;
    if (text[q2] === ".") {
      q2++;
      const fs = q2;
      while (q2 < n && isDigit(text[q2])) q2++;
      if (q2 > fs) frac = Number("0." + text.slice(fs, q2));
    }
    while (q2 < n && isWs(text[q2])) q2++;
    let i = startPos;
    for (; i < SUFFIXES.length; i++) {
      const sfx2 = SUFFIXES[i];
      if (sfx2 === "" || text.startsWith(sfx2, q2)) break;
    }
    if (i >= SUFFIXES.length) {
      return { error: "components must be in descending order of units", start: compStart, end: n };
    }
    const sfx = SUFFIXES[i];
    if (sfx === "" && q2 < n) {
      let r = q2;
      while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
      const word = text.slice(q2, Math.max(r, q2 + 1));
      const known = SUFFIXES.includes(word);
      return {
        error: known ? "components must be in descending order of units (e.g. 1G 512M)" : `suffix '${word}' is not known`,
        start: known ? compStart : q2,
        end: known ? Math.max(r, q2 + 1) : Math.max(r, q2 + 1)
      };
    }
    if (sfx !== "") {
      const after = q2 + sfx.length;
      if (after < n && /[A-Za-z]/.test(text[after])) {
        let r = after;
        while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
        return { error: `suffix '${text.slice(q2, r)}' is not known`, start: q2, end: r };
      }
    }
    const f = factor(sfx, base);
    const v = intVal * f + Math.floor(frac * f);
    if (BigInt(text.slice(ds, dsEnd)) + (frac > 0 ? 1n : 0n) > U64_MAX / BigInt(f))
      return { error: "the value is out of range", start: compStart, end: q2 + sfx.length };
    total += v;
    if (total >= UINT64_MAX_EXCL) return { error: "the value is out of range", start: compStart, end: q2 + sfx.length };
    p = q2 + sfx.length;
    startPos = i + 1;
  } while (p < n);
  return { bytes: total };
}
function parsePermyriad(text, unbounded = false) {
  const m = /^[ \t\n\r]*([0-9]+)(?:\.([0-9]{1,2}))?%$/.exec(text);
  let v;
  if (m) {
    v = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, "0")) : 0);
  } else {
    const pm = /^[ \t\n\r]*([0-9]+)(?:\.([0-9]))?\u2030$/.exec(text);
    if (pm) v = Number(pm[1]) * 10 + (pm[2] ? Number(pm[2]) : 0);
    else {
      const pmy = /^[ \t\n\r]*([0-9]+)\u2031$/.exec(text);
      if (pmy) v = Number(pmy[1]);
    }
  }
  if (v === void 0) return void 0;
  if (!unbounded && v > 1e4) return void 0;
  return v;
}
function validateBytes(value, ctx) {
  if (value === "") return [];
  const r = parseBytes(value, 1024);
  if ("error" in r) return [err(r.start, r.end, `Invalid size '${value}': ${r.error}; expected ${SIZE_HINT}.`)];
  void ctx;
  return [];
}
function validateBytesOrPercent(value, ctx) {
  if (value === "") return [];
  const quota = ctx.parser === "config_parse_exec_quota";
  if (quota) {
    if (parseBoolean(value) !== void 0) return [];
    const keywords2 = ctx.enumValues.filter((v) => !v.startsWith("<"));
    if (keywords2.includes(value)) return [];
  } else if (value === "infinity") return [];
  if (/%|\u2030|\u2031/.test(value)) {
    const pm = parsePermyriad(value);
    if (pm === void 0) {
      return [err(0, value.length, `Invalid percentage '${value}': expected N%, N.N% or N.NN% between 0% and 100%.`)];
    }
    if (!quota && pm === 0 && !ZERO_OK.has(ctx.directive)) {
      return [err(0, value.length, `${ctx.directive}= cannot be 0%; use a positive value or 'infinity'.`)];
    }
    return [];
  }
  const r = parseBytes(value, 1024);
  if ("error" in r) {
    return [
      err(
        r.start,
        r.end,
        `Invalid size '${value}': ${r.error}; expected ${SIZE_HINT}, a percentage such as 50%${quota ? "" : ", or 'infinity'"}.`
      )
    ];
  }
  if (!quota && r.bytes === 0 && !ZERO_OK.has(ctx.directive)) {
    return [err(0, value.length, `${ctx.directive}= cannot be 0; use a positive size or 'infinity'.`)];
  }
  return [];
}
function validatePercent(value, ctx) {
  if (value === "") return [];
  const unbounded = ctx.parser === "config_parse_cpu_quota";
  const pm = parsePermyriad(value, unbounded);
  if (pm === void 0) {
    return [
      err(
        0,
        value.length,
        unbounded ? `Invalid CPU quota '${value}': expected a percentage such as 20% or 150% (up to two decimals).` : `Invalid percentage '${value}': expected N%, N.N% or N.NN% between 0% and 100%.`
      )
    ];
  }
  if (unbounded && pm === 0)
    return [err(0, value.length, `Invalid CPU quota '${value}': the quota must be greater than 0%.`)];
  if (unbounded && pm > 2147483647)
    return [err(0, value.length, `Invalid CPU quota '${value}': the largest quota systemd takes is 21474836.47%.`)];
  return [];
}
var SUFFIXES, UINT64_MAX_EXCL, U64_MAX, SIZE_HINT, ZERO_OK;
var init_bytes2 = __esm({
  "server/src/values/bytes.ts"() {
    "use strict";
    init_util();
    init_bool();
    SUFFIXES = ["E", "P", "T", "G", "M", "K", "B", ""];
    UINT64_MAX_EXCL = 18446744073709552e3;
    U64_MAX = 18446744073709551615n;
    SIZE_HINT = "a size with the suffixes B, K, M, G, T, P or E (upper-case, base 1024), e.g. 512M or 1G 512M";
    ZERO_OK = /* @__PURE__ */ new Set([
      "MemorySwapMax",
      "StartupMemorySwapMax",
      "MemoryZSwapMax",
      "StartupMemoryZSwapMax",
      "MemoryLow",
      "StartupMemoryLow",
      "MemoryMin",
      "DefaultMemoryLow",
      "DefaultMemoryMin"
    ]);
  }
});

// server/src/values/numbers.ts
function parseCInteger(text, allowNegative = true) {
  const m = C_INTEGER.exec(text);
  if (!m) return void 0;
  const sign = m[1] === "-" ? -1 : 1;
  if (sign < 0 && !allowNegative) return void 0;
  const body = m[2];
  let v;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body[0] === "0") v = parseInt(body, 8);
  else v = parseInt(body, 10);
  return sign * v;
}
function parseCIntegerExact(text) {
  const m = C_INTEGER.exec(text);
  if (!m) return void 0;
  const body = m[2];
  const octal = body.length > 1 && body[0] === "0" && !/^0[xX]/.test(body);
  const v = octal ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  return m[1] === "-" ? -v : v;
}
function rangeCheck(value, v, min, max, what, extra = "") {
  if (v === void 0)
    return [err(0, value.length, `Invalid ${what} '${value}': expected an integer between ${min} and ${max}${extra}.`)];
  if (v < min || v > max)
    return [err(0, value.length, `${capitalize(what)} '${value}' is out of range: expected ${min}..${max}${extra}.`)];
  return [];
}
function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function validateInt(value, ctx) {
  if (value === "") return [];
  if (ctx.range)
    return rangeCheck(value, parseCIntegerExact(value), BigInt(ctx.range[0]), BigInt(ctx.range[1]), "integer");
  switch (ctx.parser) {
    case "config_parse_exec_cpu_sched_prio":
      return rangeCheck(value, parseCInteger(value), 0, 99, "CPU scheduling priority");
    case "config_parse_exec_io_priority":
      return rangeCheck(value, parseCInteger(value), 0, 7, "IO scheduling priority");
    case "config_parse_swap_priority":
      return rangeCheck(value, parseCInteger(value), -1, 32767, "swap priority");
    case "config_parse_long":
      return rangeCheck(value, parseCIntegerExact(value), INT64[0], INT64[1], "integer");
    default:
      return rangeCheck(value, parseCInteger(value), INT32[0], INT32[1], "integer");
  }
}
function validateUnsigned(value, ctx) {
  if (value === "") return [];
  if (ctx.parser === "config_parse_concurrency_max" && value === "infinity") return [];
  if (ctx.range)
    return rangeCheck(value, parseCIntegerExact(value), BigInt(ctx.range[0]), BigInt(ctx.range[1]), "number");
  const v = parseCInteger(value, false);
  const extra = ctx.parser === "config_parse_concurrency_max" ? ", or 'infinity'" : "";
  if (v === void 0)
    return [err(0, value.length, `Invalid unsigned integer '${value}': expected a non-negative number${extra}.`)];
  if (v > 4294967295)
    return [err(0, value.length, `Unsigned integer '${value}' is out of range: expected 0..4294967295.`)];
  return [];
}
function validateCpuWeight(value, _ctx) {
  if (value === "" || value === "idle") return [];
  return rangeCheck(value, parseCInteger(value, false), 1, 1e4, "CPU weight", ", or 'idle'");
}
function validateIoWeight(value, _ctx) {
  if (value === "") return [];
  return rangeCheck(value, parseCInteger(value, false), 1, 1e4, "weight");
}
function validateNice(value, _ctx) {
  if (value === "") return [];
  return rangeCheck(value, parseCInteger(value), -20, 19, "nice priority");
}
function validateOomScore(value, _ctx) {
  if (value === "") return [];
  return rangeCheck(value, parseCInteger(value), -1e3, 1e3, "OOM score adjustment");
}
function validateMode(value, _ctx) {
  if (value === "") return [];
  const m = /^[ \t\n\r]*([0-7]+)$/.exec(value);
  if (!m) return [err(0, value.length, `Invalid file mode '${value}': expected an octal number such as 0644 or 755.`)];
  if (parseInt(m[1], 8) > 4095)
    return [err(0, value.length, `File mode '${value}' is out of range: the maximum is 07777.`)];
  return [];
}
function validateCountOrPercent(value, _ctx) {
  if (value === "" || value === "infinity") return [];
  if (/[%\u2030\u2031]/.test(value)) {
    if (parsePermyriad(value) === void 0)
      return [err(0, value.length, `Invalid percentage '${value}': expected N%, N.N% or N.NN% between 0% and 100%.`)];
    return [];
  }
  const m = /^[ \t\n\r]*\+?([0-9]+)$/.exec(value);
  if (!m)
    return [
      err(
        0,
        value.length,
        `Invalid maximum tasks value '${value}': expected a positive number, a percentage such as 15%, or 'infinity'.`
      )
    ];
  const v = BigInt(m[1]);
  if (v === 0n || v >= 18446744073709551615n)
    return [
      err(
        0,
        value.length,
        `Maximum tasks value '${value}' is out of range: it must be greater than 0 (use 'infinity' for no limit).`
      )
    ];
  return [];
}
var C_INTEGER, INT32, INT64;
var init_numbers = __esm({
  "server/src/values/numbers.ts"() {
    "use strict";
    init_util();
    init_bytes2();
    C_INTEGER = /^[ \t\n\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;
    INT32 = [-2147483648, 2147483647];
    INT64 = [-(2n ** 63n), 2n ** 63n - 1n];
  }
});

// server/src/values/paths.ts
function validatePathText(raw, offset, check) {
  const text = stripSpecifiers(raw);
  const end = offset + raw.length;
  const d = check.directive;
  if (text === "") return [err(offset, end, `${d}= needs a path here, but it is empty.`)];
  if (check.absolute === true && !text.startsWith("/")) {
    return [err(offset, end, `${d}= path '${raw}' is not absolute; it must start with '/'.`)];
  }
  if (check.absolute === false && text.startsWith("/")) {
    return [
      err(offset, end, `${d}= path '${raw}' is absolute; give a path relative to the directory systemd manages.`)
    ];
  }
  if (text.length > PATH_MAX) return [err(offset, end, `${d}= path is longer than ${PATH_MAX} characters.`)];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 32 || text.charCodeAt(i) === 127) {
      return [err(offset, end, `${d}= path '${raw}' contains a control character.`)];
    }
  }
  const comps = text.split("/");
  if (comps.includes("..")) {
    return [err(offset, end, `${d}= path '${raw}' is not normalized: '..' components are not allowed.`)];
  }
  if (check.absolute === false && comps.every((c) => c === "" || c === ".")) {
    return [err(offset, end, `${d}= path '${raw}' is not normalized: it names no directory.`)];
  }
  return [];
}
function specs(raw, offset, ctx) {
  return checkSpecifiers(raw, specifierContextFor(ctx), ctx.targetVersion, offset);
}
function validatePath(value, ctx) {
  if (value === "") return [];
  const d = ctx.directive;
  const out = [...specs(value, 0, ctx)];
  switch (ctx.parser) {
    case "config_parse_working_directory": {
      let v = value;
      let off2 = 0;
      if (v.startsWith("-")) {
        v = v.slice(1);
        off2 = 1;
      }
      if (v === "~") return out;
      if (v === "") return [...out, err(0, value.length, `WorkingDirectory= needs a path after '-'.`)];
      out.push(...validatePathText(v, off2, { directive: d, absolute: true }));
      return out;
    }
    case "config_parse_pid_file": {
      const text = stripSpecifiers(value);
      out.push(...validatePathText(value, 0, { directive: d }));
      if (/^\/(proc|sys|dev)(\/|$)/.test(text)) {
        out.push(warn(0, value.length, `PIDFile= points into /proc, /sys or /dev; newer systemd refuses such a unit.`));
      }
      return out;
    }
    default:
      out.push(...validatePathText(value, 0, { directive: d, absolute: true, glob: d.endsWith("Glob") }));
      return out;
  }
}
function validatePathList(value, ctx) {
  if (value === "") return [];
  const d = ctx.directive;
  const out = [];
  if (ctx.parser === "config_parse_colon_separated_paths") {
    out.push(...specs(value, 0, ctx));
    for (const w of splitPlain(value, ":", true)) {
      if (w.raw === "") {
        out.push(
          err(w.start, w.end, `${d}= has an empty path between colons; separate absolute paths with single ':'.`)
        );
        continue;
      }
      out.push(...validatePathText(w.raw, w.start, { directive: d, absolute: true }));
    }
    return out;
  }
  if (ctx.parser === "config_parse_ip_filter_bpf_progs") {
    out.push(...specs(value, 0, ctx));
    out.push(...validatePathText(value, 0, { directive: d, absolute: true }));
    return out;
  }
  const { words: words4, error } = splitWords(value, { unquote: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const prefixes = ctx.parser === "config_parse_namespace_path_strv";
  for (const w of words4) {
    out.push(...specs(w.raw, w.start, ctx));
    let t2 = w.text;
    let off2 = rawOffsetOf(w);
    if (prefixes) {
      if (t2.startsWith("-")) {
        t2 = t2.slice(1);
        off2++;
      }
      if (t2.startsWith("+")) {
        t2 = t2.slice(1);
        off2++;
      }
    }
    out.push(...pathProblemsForWord(t2, w, off2, { directive: d, absolute: true }));
  }
  return out;
}
function rawOffsetOf(w) {
  return w.raw.startsWith('"') || w.raw.startsWith("'") ? w.start + 1 : w.start;
}
function pathProblemsForWord(text, w, off2, check) {
  const ps = validatePathText(text, off2, check);
  return ps.map((p) => ({
    ...p,
    start: Math.max(w.start, Math.min(p.start, w.end)),
    end: Math.max(w.start, Math.min(p.end, w.end))
  }));
}
function validateRelativePathList(value, ctx) {
  if (value === "") return [];
  const d = ctx.directive;
  const { words: words4, error } = splitWords(value, { unquote: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const out = [];
  for (const w of words4) {
    out.push(...specs(w.raw, w.start, ctx));
    const base = rawOffsetOf(w);
    const parts = splitPlain(w.text, ":", true, base);
    const src = parts[0];
    if (!src) continue;
    if (src.raw === "private") {
      out.push(
        err(
          src.start,
          src.end,
          `${d}= cannot be 'private' (that name is reserved for DynamicUser=); choose another directory name.`
        )
      );
      continue;
    }
    out.push(...pathProblemsForWord(src.raw, w, src.start, { directive: d, absolute: false }));
    const dest = parts[1];
    if (dest && dest.raw !== "")
      out.push(...pathProblemsForWord(dest.raw, w, dest.start, { directive: d, absolute: false }));
  }
  return out;
}
function validateEnvFile(value, ctx) {
  if (value === "") return [];
  const out = [...specs(value, 0, ctx)];
  const off2 = value.startsWith("-") ? 1 : 0;
  out.push(...validatePathText(value.slice(off2), off2, { directive: ctx.directive, absolute: true }));
  return out;
}
function splitColonsEscaped(text, base) {
  const out = [];
  let start = 0;
  let cur = "";
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === "\\" && i + 1 < text.length) {
      cur += text[i + 1];
      i++;
      continue;
    }
    if (i === text.length || ch === ":") {
      out.push({ start: base + start, end: base + i, raw: text.slice(start, i), text: cur });
      cur = "";
      start = i + 1;
      continue;
    }
    cur += ch;
  }
  return out;
}
function validateBindPaths(value, ctx) {
  if (value === "") return [];
  const d = ctx.directive;
  const { words: words4, error } = splitWords(value, { unquote: true, retainEscape: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const options = ctx.enumValues.filter((v) => !v.startsWith("<"));
  const out = [];
  for (const w of words4) {
    const base = rawOffsetOf(w);
    const parts = splitColonsEscaped(w.text, base);
    const src = parts[0];
    let srcText = src.text;
    let srcOff = src.start;
    if (srcText.startsWith("-")) {
      srcText = srcText.slice(1);
      srcOff++;
    }
    out.push(...specs(src.raw, src.start, ctx));
    out.push(...pathProblemsForWord(srcText, w, srcOff, { directive: d, absolute: true }));
    const dst = parts[1];
    if (dst) {
      out.push(...specs(dst.raw, dst.start, ctx));
      out.push(...pathProblemsForWord(dst.text, w, dst.start, { directive: d, absolute: true }));
    }
    const opt = parts[2];
    if (opt && opt.text !== "") {
      for (const o of splitPlain(opt.text, ",", false, opt.start)) {
        if (options.length && !options.includes(o.raw)) {
          out.push(err(o.start, o.end, `Invalid ${d}= option '${o.raw}': expected ${options.join(" or ")}.`));
        }
      }
    }
    if (parts.length > 3) {
      const extra = parts[3];
      out.push(
        err(extra.start - 1, w.end, `${d}= takes at most SOURCE:DESTINATION:OPTIONS; escape ':' in paths as '\\:'.`)
      );
    }
  }
  return out;
}
function validateTempFs(value, ctx) {
  if (value === "") return [];
  const { words: words4, error } = splitWords(value, { unquote: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const out = [];
  for (const w of words4) {
    const base = rawOffsetOf(w);
    const colon = w.text.indexOf(":");
    const path = colon >= 0 ? w.text.slice(0, colon) : w.text;
    out.push(
      ...specs(
        w.raw.slice(0, colon >= 0 ? Math.min(w.raw.length, colon + (base - w.start)) : w.raw.length),
        w.start,
        ctx
      )
    );
    out.push(...pathProblemsForWord(path, w, base, { directive: ctx.directive, absolute: true }));
  }
  return out;
}
var PATH_MAX;
var init_paths = __esm({
  "server/src/values/paths.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    PATH_MAX = 4096;
  }
});

// server/src/values/strings.ts
function fdNameProblem(name) {
  if (name.length > FDNAME_MAX) return `it is longer than ${FDNAME_MAX} characters`;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c > 126) return "it may contain only printable ASCII characters";
    if (name[i] === ":") return "it may not contain ':'";
  }
  return void 0;
}
function validateFdName(text, offset, ctx) {
  const reason = fdNameProblem(stripSpecifiers(text));
  if (!reason) return [];
  return [
    err(
      offset,
      offset + text.length,
      `Invalid file descriptor name '${text}': ${reason}; systemd ignores the setting${ctx.directive === "FileDescriptorName" ? " and uses the default name" : ""}.`
    )
  ];
}
function interfaceNameProblem(name, alternative) {
  const max = alternative ? 127 : 15;
  if (name === "") return "the name is empty";
  if (name.length > max) return `it is longer than ${max} characters`;
  if (name === "." || name === "..") return `'${name}' is not a valid name`;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c <= 32 || c >= 127) return "it may contain only printable ASCII characters without spaces";
    if (name[i] === ":" || name[i] === "/" || name[i] === "%") return "it may not contain ':', '/' or '%'";
  }
  if (/^[0-9]+$/.test(name)) return "it may not be purely numeric";
  return void 0;
}
function busNameProblem(name) {
  if (name.length > 255) return "it is longer than 255 characters";
  const unique = name.startsWith(":");
  const body = unique ? name.slice(1) : name;
  const parts = body.split(".");
  if (parts.length < 2) return "it needs at least two elements separated by '.'";
  for (const p of parts) {
    if (p === "") return "it contains an empty element (two dots, or a leading/trailing '.')";
    if (!/^[A-Za-z0-9_-]+$/.test(p)) return "elements may contain only letters, digits, '_' and '-'";
    if (!unique && /^[0-9]/.test(p)) return "elements of a well-known name may not start with a digit";
  }
  return void 0;
}
function isBase64(s) {
  const t2 = s.replace(/[ \t\n\r\v\f]/g, "");
  return /^[A-Za-z0-9+/]*={0,2}$/.test(t2) && t2.length % 4 === 0 && !/^=/.test(t2.slice(-4));
}
function validateString(value, ctx) {
  if (value === "") return [];
  const sctx = specifierContextFor(ctx);
  const out = [];
  const d = ctx.directive;
  switch (ctx.parser) {
    case "config_parse_fdname":
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      if (!out.some((p) => p.severity === "error")) out.push(...validateFdName(value, 0, ctx));
      return out;
    case "config_parse_documentation": {
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      const { words: words4, error } = splitWords(value, { unquote: true });
      if (error) return [...out, err(error.start, error.end, `${error.message}.`)];
      for (const w of words4) {
        if (!DOC_SCHEMES.some((s) => w.text.startsWith(s)) || DOC_SCHEMES.includes(w.text)) {
          out.push(
            err(
              w.start,
              w.end,
              `Invalid documentation URI '${w.text}': expected an http://, https://, file:, info: or man: URI (e.g. man:foo(8)); systemd ignores it.`
            )
          );
        }
      }
      return out;
    }
    case "config_parse_socket_bindtodevice": {
      if (value === "*") return [];
      const reason = interfaceNameProblem(value, false);
      if (reason) out.push(err(0, value.length, `Invalid interface name '${value}': ${reason}.`));
      return out;
    }
    case "config_parse_restrict_network_interfaces": {
      let text = value;
      let off2 = 0;
      if (text.startsWith("~")) {
        text = text.slice(1);
        off2 = 1;
      }
      const { words: words4, error } = splitWords(text, { unquote: true });
      if (error) return [err(error.start + off2, error.end + off2, `${error.message}.`)];
      for (const w of words4) {
        const reason = interfaceNameProblem(w.text, true);
        if (reason) out.push(err(w.start + off2, w.end + off2, `Invalid interface name '${w.text}': ${reason}.`));
      }
      return out;
    }
    case "config_parse_bind_network_interface": {
      const reason = interfaceNameProblem(value, true);
      if (reason) out.push(err(0, value.length, `Invalid interface name '${value}': ${reason}.`));
      return out;
    }
    case "config_parse_bus_name": {
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      if (hasSpecifier(value)) return out;
      const reason = busNameProblem(value);
      if (reason) out.push(err(0, value.length, `Invalid D-Bus name '${value}': ${reason} (e.g. org.example.Foo).`));
      return out;
    }
    case "config_parse_exec_input_data":
      if (!isBase64(value)) out.push(err(0, value.length, `${d}= is not valid Base64 data.`));
      return out;
    case "config_parse_exec_input_text": {
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      for (let i = 0; i < value.length; i++) {
        if (value[i] !== "\\") continue;
        const r = cunescapeOne(value, i);
        if (r.text === void 0) {
          out.push(
            err(
              i,
              Math.min(value.length, i + r.length),
              `Invalid C escape '${value.slice(i, i + r.length)}' in ${d}=; write '\\\\' for a backslash.`
            )
          );
          break;
        }
        i += r.length - 1;
      }
      return out;
    }
    case "config_parse_exec_root_hash": {
      if (value.startsWith("/")) return out;
      if (!/^([0-9a-fA-F]{2})+$/.test(value) || value.length < 32) {
        out.push(
          err(
            0,
            value.length,
            `Invalid ${d}= value: expected a hex-encoded root hash (at least 16 bytes) or an absolute path to a .roothash file.`
          )
        );
      }
      return out;
    }
    case "config_parse_exec_root_hash_sig": {
      if (value.startsWith("/")) return out;
      if (!value.startsWith("base64:") || !isBase64(value.slice(7))) {
        out.push(
          err(0, value.length, `Invalid ${d}= value: expected an absolute path or 'base64:' followed by Base64 data.`)
        );
      }
      return out;
    }
    case "config_parse_exec_selinux_context":
    case "config_parse_exec_apparmor_profile":
    case "config_parse_exec_smack_process_label": {
      const off2 = value.startsWith("-") ? 1 : 0;
      return checkSpecifiers(value.slice(off2), sctx, ctx.targetVersion, off2);
    }
    case "config_parse_delegate_subgroup":
      if (value.includes("/")) out.push(err(0, value.length, `${d}= takes a single cgroup name without '/'.`));
      return out;
    default:
      out.push(...checkSpecifiers(value, sctx, ctx.targetVersion, 0));
      return out;
  }
}
var FDNAME_MAX, DOC_SCHEMES;
var init_strings = __esm({
  "server/src/values/strings.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    FDNAME_MAX = 255;
    DOC_SCHEMES = ["http://", "https://", "file:", "info:", "man:"];
  }
});

// server/src/values/enum.ts
function suggestEnum(value, enumValues) {
  const literals = enumValues.filter((v) => !v.includes("<"));
  const lower = value.toLowerCase();
  const ci = literals.find((v) => v.toLowerCase() === lower);
  if (ci !== void 0) return ci === value ? void 0 : ci;
  let best;
  let bestD = Number.MAX_SAFE_INTEGER;
  const max = value.length <= 4 ? 1 : value.length <= 8 ? 2 : 3;
  for (const v of literals) {
    const d = editDistance(lower, v.toLowerCase(), max);
    if (d <= max && d < bestD) {
      best = v;
      bestD = d;
    }
  }
  if (best !== void 0) return best;
  const pref = literals.filter((v) => v.toLowerCase().startsWith(lower) && lower.length >= 3);
  return pref.length === 1 ? pref[0] : void 0;
}
function enumSpec(values2) {
  const literals = [];
  const ranges = [];
  const prefixes = [];
  const open = [];
  let bool = false;
  let invert = false;
  for (const v of values2) {
    if (v === "<bool>") {
      bool = true;
      continue;
    }
    if (v.startsWith("~<")) {
      invert = true;
      continue;
    }
    const r = /^<(-?[0-9]+)-([0-9]+)>$/.exec(v);
    if (r) {
      ranges.push([Number(r[1]), Number(r[2])]);
      continue;
    }
    const pre = /^([a-z0-9-]+:)</i.exec(v);
    if (pre) {
      prefixes.push(pre[1]);
      continue;
    }
    if (v.startsWith("<")) {
      open.push(v);
      continue;
    }
    literals.push(v);
  }
  return { literals, bool, ranges, prefixes, invert, open };
}
function listForMessage(values2, max = 12) {
  const shown2 = values2.slice(0, max).join(", ");
  return values2.length > max ? `${shown2}, \u2026` : shown2;
}
function describeExpected(spec) {
  const parts = [];
  if (spec.literals.length) parts.push(listForMessage(spec.literals));
  for (const p of spec.prefixes) parts.push(`${p}\u2026`);
  for (const [a, b] of spec.ranges) parts.push(`a number ${a}..${b}`);
  if (spec.bool) parts.push("a boolean");
  return parts.join(", ");
}
function unknownValue(value, start, end, spec, what) {
  const sug = suggestEnum(value, spec.literals);
  const hint = sug ? ` Did you mean '${sug}'?` : "";
  return suggesting(
    err(start, end, `Invalid ${what} '${value}': expected one of ${describeExpected(spec)}.${hint}`),
    sug
  );
}
function inRanges(text, spec) {
  if (!spec.ranges.length) return false;
  const v = parseCInteger(text, true);
  if (v === void 0) return false;
  return spec.ranges.some(([a, b]) => v >= a && v <= b);
}
function isErrno(text) {
  if (ERRNO_UPPER.has(text.toUpperCase())) return true;
  const v = parseCInteger(text, false);
  return v !== void 0 && v >= 1 && v <= 4095;
}
function validateEnum(value, ctx) {
  if (value === "") return [];
  const spec = enumSpec(ctx.enumValues);
  switch (ctx.parser) {
    case "config_parse_syscall_errno": {
      if (value === "kill" || isErrno(value)) return [];
      const v = parseCInteger(value, true);
      if (v !== void 0)
        return [
          err(
            0,
            value.length,
            `Invalid error number '${value}': expected an errno name such as EPERM, a number 1..4095, or 'kill'.`
          )
        ];
      const sug = suggestEnum(value.toUpperCase(), ERRNO_NAMES);
      return [
        suggesting(
          err(
            0,
            value.length,
            `Unknown errno name '${value}': expected an errno name such as EPERM or EACCES, a number 1..4095, or 'kill'${sug ? ` (did you mean '${sug}'?)` : ""}.`
          ),
          sug
        )
      ];
    }
    case "config_parse_level2":
      return validateLevel2(value, spec);
    case "config_parse_exec_output":
    case "config_parse_exec_input":
    case "config_parse_output_restricted":
      return validateStdio(value, ctx, spec);
    case "config_parse_kill_mode":
      if (value === "none")
        return [
          warn(
            0,
            value.length,
            "KillMode=none is deprecated: processes are left behind when the unit stops; use 'mixed' or 'control-group'.",
            "deprecated-value"
          )
        ];
      break;
    case "config_parse_socket_protocol":
      if (/^(136|132|262)$/.test(value)) return [];
      break;
    default:
      break;
  }
  if (spec.literals.includes(value)) return [];
  if (inRanges(value, spec)) return [];
  if (spec.bool && parseBoolean(value) !== void 0) return [];
  for (const p of spec.prefixes) if (value.startsWith(p)) return [];
  return [unknownValue(value, 0, value.length, spec, `${ctx.directive}= value`)];
}
function validateLevel2(value, spec) {
  const out = [];
  const levels = spec.literals.length ? spec.literals : LOG_LEVELS;
  let pos = 0;
  for (const item of value.split(",")) {
    const start = pos;
    pos += item.length + 1;
    if (item === "") continue;
    const colon = item.indexOf(":");
    const level = colon >= 0 ? item.slice(colon + 1) : item;
    const lstart = colon >= 0 ? start + colon + 1 : start;
    if (colon >= 0) {
      const target = item.slice(0, colon);
      if (!["console", "syslog", "kmsg", "journal"].includes(target)) {
        out.push(
          err(
            start,
            start + colon,
            `Unknown log target '${target}' in LogLevel=: expected console, syslog, kmsg or journal.`
          )
        );
      }
    }
    if (!levels.includes(level) && !inRanges(level, spec)) {
      const sug = suggestEnum(level, levels);
      out.push(
        suggesting(
          err(
            lstart,
            lstart + level.length,
            `Invalid log level '${level}': expected one of ${levels.join(", ")} or 0..7${sug ? ` (did you mean '${sug}'?)` : ""}.`
          ),
          sug
        )
      );
    }
  }
  return out;
}
function validateStdio(value, ctx, spec) {
  const out = [];
  const sctx = specifierContextFor(ctx);
  if (value === "syslog" || value === "syslog+console") {
    const repl = value === "syslog" ? "journal" : "journal+console";
    return [
      warn(
        0,
        value.length,
        `'${value}' is an obsolete spelling; systemd treats it as '${repl}'. Use '${repl}'.`,
        "deprecated-value"
      )
    ];
  }
  const colon = value.indexOf(":");
  if (colon > 0) {
    const prefix = value.slice(0, colon + 1);
    if (spec.prefixes.includes(prefix)) {
      const arg = value.slice(colon + 1);
      const off2 = colon + 1;
      out.push(...checkSpecifiers(arg, sctx, ctx.targetVersion, off2));
      if (prefix === "fd:") {
        if (arg === "") return [...out, err(0, value.length, `'fd:' needs a file descriptor name, e.g. fd:foo.`)];
        out.push(...validateFdName(arg, off2, ctx));
      } else {
        out.push(...validatePathText(arg, off2, { directive: ctx.directive, absolute: true }));
      }
      return out;
    }
  }
  if (spec.literals.includes(value)) return out;
  if (value === "fd" || value === "file" || value === "append" || value === "truncate") {
    return [err(0, value.length, `'${value}' needs an argument: write ${value}:${value === "fd" ? "NAME" : "/path"}.`)];
  }
  if (!spec.prefixes.length && /^(fd|file|append|truncate|socket):?/.test(value)) {
    return [
      err(
        0,
        value.length,
        `${ctx.directive}= does not accept '${value}' here; expected one of ${describeExpected(spec)}.`
      )
    ];
  }
  return [unknownValue(value, 0, value.length, spec, `${ctx.directive}= value`)];
}
function validateEnumOrBool(value, ctx) {
  if (value === "") return [];
  const spec = enumSpec(ctx.enumValues);
  if (spec.literals.includes(value)) return [];
  if (parseBoolean(value) !== void 0) return [];
  switch (ctx.parser) {
    case "config_parse_crash_chvt": {
      const v = parseCInteger(value, false);
      if (v !== void 0 && v >= 1 && v <= 63) return [];
      break;
    }
    case "config_parse_socket_timestamping":
      if (["usec", "\xB5s", "\u03BCs", "nsec", "us", "ns"].includes(value)) return [];
      break;
    case "config_parse_protect_hostname": {
      const m = /^(yes|private):(.*)$/.exec(value);
      if (m) {
        const host = m[2];
        if (host === "" || host.length > 64 || !/^[A-Za-z0-9._-]+$/.test(host) || host.startsWith(".") || host.endsWith(".") || host.includes("..")) {
          return [err(m[1].length + 1, value.length, `Invalid host name '${host}' in ProtectHostname=.`)];
        }
        return [];
      }
      break;
    }
    default:
      break;
  }
  for (const p of spec.prefixes) if (value.startsWith(p)) return [];
  if (inRanges(value, spec)) return [];
  const sug = suggestEnum(value, spec.literals);
  return [
    suggesting(
      err(
        0,
        value.length,
        `Invalid ${ctx.directive}= value '${value}': expected ${BOOLEAN_HINT}, or one of ${listForMessage(spec.literals.filter((l) => parseBoolean(l) === void 0))}.${sug ? ` Did you mean '${sug}'?` : ""}`
      ),
      sug
    )
  ];
}
function validateEnumList(value, ctx) {
  if (value === "") return [];
  const spec = enumSpec(ctx.enumValues);
  const parser = ctx.parser;
  if (spec.bool && parseBoolean(value) !== void 0) return [];
  let text = value;
  let off2 = 0;
  if (spec.invert && text.startsWith("~")) {
    text = text.slice(1);
    off2 = 1;
  }
  const comma = COMMA_LISTS.has(parser);
  const { words: words4, error } = splitWords(text, { unquote: true, separators: comma ? "," : " 	\n\r" });
  const out = [];
  if (error) out.push(err(error.start + off2, error.end + off2, `${error.message}.`));
  const hex = spec.open.includes("<HEX-MASK>");
  const fstype = spec.open.includes("<FSTYPE>");
  const silent = parser === "config_parse_exec_secure_bits" || comma;
  for (const w of words4) {
    const t2 = w.text;
    if (spec.literals.includes(t2)) continue;
    if (hex && /^(0[xX])?[0-9a-fA-F]+$/.test(t2)) continue;
    if (fstype) {
      if (t2.startsWith("@")) {
        out.push(
          err(
            w.start + off2,
            w.end + off2,
            `Unknown file system group '${t2}': expected one of ${listForMessage(spec.literals.filter((l) => l.startsWith("@")))}.`
          )
        );
        continue;
      }
      if (/^[a-z0-9._-]+$/i.test(t2)) continue;
    }
    const sug = suggestEnum(t2, spec.literals);
    const msg = `Unknown ${ctx.directive}= value '${t2}': expected ${describeExpected({ ...spec, bool: false })}${sug ? ` (did you mean '${sug}'?)` : ""}`;
    if (silent) out.push(suggesting(warn(w.start + off2, w.end + off2, `${msg}; systemd silently skips it.`), sug));
    else out.push(suggesting(err(w.start + off2, w.end + off2, `${msg}.`), sug));
  }
  return out;
}
var ERRNO_NAMES, ERRNO_UPPER, LOG_LEVELS, COMMA_LISTS;
var init_enum = __esm({
  "server/src/values/enum.ts"() {
    "use strict";
    init_util();
    init_bool();
    init_numbers();
    init_specifiers();
    init_context();
    init_paths();
    init_strings();
    ERRNO_NAMES = "EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT ENOTBLK EBUSY EEXIST EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY ETXTBSY EFBIG ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK ENOSYS ENOTEMPTY ELOOP ENOMSG EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST ELNRNG EUNATCH ENOCSI EL2HLT EBADE EBADR EXFULL ENOANO EBADRQC EBADSLT EBFONT ENOSTR ENODATA ETIME ENOSR ENONET ENOPKG EREMOTE ENOLINK EADV ESRMNT ECOMM EPROTO EMULTIHOP EDOTDOT EBADMSG EOVERFLOW ENOTUNIQ EBADFD EREMCHG ELIBACC ELIBBAD ELIBSCN ELIBMAX ELIBEXEC EILSEQ ERESTART ESTRPIPE EUSERS ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP EPFNOSUPPORT EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS ESTALE EUCLEAN ENOTNAM ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM EMEDIUMTYPE ECANCELED ENOKEY EKEYEXPIRED EKEYREVOKED EKEYREJECTED EOWNERDEAD ENOTRECOVERABLE ERFKILL EHWPOISON EWOULDBLOCK EDEADLOCK ENOTSUP".split(" ");
    ERRNO_UPPER = new Set(ERRNO_NAMES);
    LOG_LEVELS = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];
    COMMA_LISTS = /* @__PURE__ */ new Set([
      "config_parse_bpf_delegate_attachments",
      "config_parse_bpf_delegate_commands",
      "config_parse_bpf_delegate_maps",
      "config_parse_bpf_delegate_programs"
    ]);
  }
});

// server/src/values/syscallNames.generated.ts
var syscallNameTables;
var init_syscallNames_generated = __esm({
  "server/src/values/syscallNames.generated.ts"() {
    "use strict";
    init_dataFile();
    syscallNameTables = lazyJson("values/syscallNames.generated.json");
  }
});

// server/src/values/syscall.ts
function syscallNames252() {
  return names252 ??= new Set(syscallNameTables().SYSCALL_NAMES_252);
}
function validateSyscallFilter(value, ctx) {
  if (value === "") return [];
  const groups = ctx.enumValues.filter((v) => v.startsWith("@"));
  const errnoAllowed = ctx.parser === "config_parse_syscall_filter";
  let text = value;
  let off2 = 0;
  const deny = text.startsWith("~");
  if (deny) {
    text = text.slice(1);
    off2 = 1;
  }
  const { words: words4, error } = splitWords(text, { unquote: true });
  if (error) return [err(error.start + off2, error.end + off2, `${error.message}.`)];
  const out = [];
  for (const w of words4) {
    const start = w.start + off2, end = w.end + off2;
    let name = w.text;
    const colon = name.indexOf(":");
    if (colon >= 0) {
      const errno = name.slice(colon + 1);
      name = name.slice(0, colon);
      if (!errnoAllowed) {
        out.push(err(start, end, `${ctx.directive}= does not take an error number: '${w.text}'.`));
        continue;
      }
      if (!deny) {
        out.push(
          err(
            start + colon,
            end,
            `Allow-listed system calls cannot take an error number ('${w.text}'); only a deny list (~\u2026) can.`
          )
        );
        continue;
      }
      if (errno !== "kill" && !isErrno(errno)) {
        out.push(
          err(
            start + colon + 1,
            end,
            `Invalid error number '${errno}': expected an errno name such as EPERM, a number 1..4095, or 'kill'.`
          )
        );
        continue;
      }
    }
    if (name.startsWith("@")) {
      if (!groups.includes(name)) {
        const sug = suggestEnum(name, groups);
        out.push(
          suggesting(
            err(
              start,
              start + name.length,
              `Unknown system call group '${name}'${sug ? ` (did you mean '${sug}'?)` : ""}; systemd ignores the whole line.`
            ),
            sug
          )
        );
      }
      continue;
    }
    if (!SYSCALL_NAME.test(name)) {
      const hint = name.includes(",") ? " Separate system calls with spaces, not commas." : "";
      out.push(
        err(
          start,
          start + name.length,
          `'${name}' is not a system call name (lower-case letters, digits and '_') or @group; systemd ignores the whole line.${hint}`
        )
      );
    } else if (!syscallNames252().has(name) && !(ctx.targetVersion > 252 && LATER_SYSCALLS.has(name))) {
      const sug = suggestEnum(name, syscallNameTables().SYSCALL_NAMES_252);
      out.push(
        suggesting(
          warn(
            start,
            start + name.length,
            `Unknown system call '${name}'${sug ? ` (did you mean '${sug}'?)` : ""}: systemd ignores this name and applies the rest of the line.`
          ),
          sug
        )
      );
    }
  }
  return out;
}
function validateAddressFamilies(value, ctx) {
  if (value === "") return [];
  const names = ctx.enumValues.filter((v) => !v.startsWith("<"));
  const upper = new Set(names.map((n) => n.toUpperCase()));
  if (value === "none") return [];
  let text = value;
  let off2 = 0;
  if (text.startsWith("~")) {
    text = text.slice(1);
    off2 = 1;
  }
  const { words: words4, error } = splitWords(text, { unquote: true });
  if (error) return [err(error.start + off2, error.end + off2, `${error.message}.`)];
  const out = [];
  for (const w of words4) {
    const start = w.start + off2, end = w.end + off2;
    if (w.text === "none") {
      out.push(err(start, end, `'none' must stand alone in ${ctx.directive}= (without '~' or other families).`));
      continue;
    }
    if (w.text.toUpperCase() !== "NONE" && upper.has(w.text.toUpperCase())) continue;
    const sug = suggestEnum(
      w.text.toUpperCase(),
      names.filter((n) => n !== "none")
    );
    const hint = w.text.includes(",") ? " Separate families with spaces, not commas." : "";
    out.push(
      suggesting(
        err(
          start,
          end,
          `Unknown address family '${w.text}'${sug ? ` (did you mean '${sug}'?)` : ""}; systemd ignores the whole line.${hint}`
        ),
        sug
      )
    );
  }
  return out;
}
var names252, LATER_SYSCALLS, SYSCALL_NAME;
var init_syscall = __esm({
  "server/src/values/syscall.ts"() {
    "use strict";
    init_util();
    init_enum();
    init_syscallNames_generated();
    LATER_SYSCALLS = /* @__PURE__ */ new Set([
      "futex_wake",
      "futex_wait",
      "futex_requeue",
      "statmount",
      "listmount",
      "lsm_get_self_attr",
      "lsm_set_self_attr",
      "lsm_list_modules",
      "mseal",
      "uretprobe",
      "setxattrat",
      "getxattrat",
      "listxattrat",
      "removexattrat",
      "open_tree_attr",
      "file_getattr",
      "file_setattr"
    ]);
    SYSCALL_NAME = /^[a-z0-9_]+$/;
  }
});

// server/src/services/security/info.ts
import { isIPv4, isIPv6 } from "node:net";
function syscallGroups(version) {
  return version <= 252 ? syscallGroups252() : laterSyscallGroups();
}
function words(value) {
  const out = [];
  const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)/g;
  for (const m of value.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}
function expandSpecifiers(value, unitName) {
  if (!value.includes("%")) return value;
  const dot = unitName.lastIndexOf(".");
  const base = dot > 0 ? unitName.slice(0, dot) : unitName;
  const at2 = base.indexOf("@");
  const prefix = at2 >= 0 ? base.slice(0, at2) : base;
  const instance = at2 >= 0 ? base.slice(at2 + 1) : "";
  const unescape = (s) => s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/-/g, "/");
  const map = {
    n: unitName,
    N: base,
    p: prefix,
    P: unescape(prefix),
    i: instance,
    I: unescape(instance),
    u: "root",
    U: "0",
    g: "root",
    G: "0",
    h: "/root",
    "%": "%"
  };
  return value.replace(/%(.)/g, (_, c) => map[c] ?? "x");
}
function validUserName(s) {
  if (s === "" || s === "." || s === ".." || s.length > 256) return false;
  if (/[\s:/,]/.test(s) || s.startsWith("-")) return false;
  if (/^\d+$/.test(s)) return Number(s) < 4294967295;
  return true;
}
function capabilityNumber(word) {
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    return n < 64 ? n : void 0;
  }
  const i = capabilities().indexOf(word.toUpperCase());
  return i >= 0 ? i : void 0;
}
function capabilitySum(value) {
  let sum = 0n;
  for (const w of words(value)) {
    const n = capabilityNumber(w);
    if (n !== void 0) sum |= 1n << BigInt(n);
  }
  return sum;
}
function applyCapabilities(current, raw, initial) {
  let value = raw;
  let invert = false;
  if (value.startsWith("~")) {
    invert = true;
    value = value.slice(1);
  }
  const sum = capabilitySum(value);
  if (sum === 0n || current === initial) return invert ? ~sum & ALL_CAPS : sum;
  return invert ? current & ~sum & ALL_CAPS : current | sum;
}
function simplifyPath(p) {
  const parts = p.split("/").filter((x) => x !== "" && x !== ".");
  return `/${parts.join("/")}`;
}
function userFromUnitName(unitName) {
  const base = unitName.slice(0, unitName.lastIndexOf(".") > 0 ? unitName.lastIndexOf(".") : unitName.length);
  const name = base.replace("@", "-");
  return /^[a-zA-Z_][a-zA-Z0-9_-]{0,30}$/.test(name) ? name : `_du${name.length}`;
}
function v6Words(a) {
  let s = a;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  let tail = [];
  if (v4) {
    const o = v4[1].split(".").map(Number);
    tail = [o[0] << 8 | o[1], o[2] << 8 | o[3]];
    s = s.slice(0, -v4[1].length) + (s.endsWith(`:${v4[1]}`) ? "" : "");
    if (s.endsWith(":") && !s.endsWith("::")) s = s.slice(0, -1);
  }
  const halves = s.split("::");
  const parse = (h) => h === "" ? [] : h.split(":").map((x) => parseInt(x, 16));
  const head = parse(halves[0]);
  const rest2 = halves.length > 1 ? parse(halves[1]) : [];
  const fill = 8 - head.length - rest2.length - tail.length;
  if (fill < 0) return void 0;
  return [...head, ...Array(halves.length > 1 ? fill : 0).fill(0), ...rest2, ...tail];
}
function parsePrefixes(word) {
  switch (word) {
    case "any":
      return [
        { family: 4, prefixlen: 0, localhost: false },
        { family: 6, prefixlen: 0, localhost: false }
      ];
    case "localhost":
      return [
        { family: 4, prefixlen: 8, localhost: true },
        { family: 6, prefixlen: 128, localhost: true }
      ];
    case "link-local":
      return [
        { family: 4, prefixlen: 16, localhost: false },
        { family: 6, prefixlen: 64, localhost: false }
      ];
    case "multicast":
      return [
        { family: 4, prefixlen: 4, localhost: false },
        { family: 6, prefixlen: 8, localhost: false }
      ];
    default:
      break;
  }
  const slash = word.indexOf("/");
  const addr = slash >= 0 ? word.slice(0, slash) : word;
  const lenText = slash >= 0 ? word.slice(slash + 1) : void 0;
  const family = isIPv4(addr) ? 4 : isIPv6(addr) ? 6 : void 0;
  if (!family) return void 0;
  const max = family === 4 ? 32 : 128;
  if (lenText !== void 0 && !/^\d+$/.test(lenText)) return void 0;
  const prefixlen = lenText === void 0 ? max : Number(lenText);
  if (prefixlen > max) return void 0;
  let localhost;
  if (family === 4) {
    const first = Number(addr.split(".")[0]);
    const mask = prefixlen >= 8 ? 255 : 255 << 8 - prefixlen & 255;
    localhost = (first & mask) === 127;
  } else {
    const w = v6Words(addr);
    localhost = !!w && prefixlen === 128 && w.slice(0, 7).every((x) => x === 0) && w[7] === 1;
  }
  return [{ family, prefixlen, localhost }];
}
function noteRead(section, name, group) {
  let names = readDirectives.get(section);
  if (!names) readDirectives.set(section, names = /* @__PURE__ */ new Set());
  if (!names.has(name)) {
    names.add(name);
    readGeneration++;
  }
  if (group !== void 0 && !readGroups.has(group)) {
    readGroups.add(group);
    readGeneration++;
  }
}
function securityInputKey(analysis) {
  let key2 = String(readGeneration);
  for (const e of analysis.entries) {
    const sectionName = e.section.section.name;
    if (sectionName === void 0) continue;
    const c = e.info && !e.info.replacement ? void 0 : canonicalDirective(sectionName, e.node.key);
    const section = c ? c.section : sectionName;
    const name = c ? c.name : e.node.key;
    const group = readGroups.size ? resetGroupOf(section, name, c ? c.info : e.info) : void 0;
    if (readDirectives.get(section)?.has(name) || group !== void 0 && readGroups.has(group))
      key2 += `\0${section}\0${name}\0${e.node.value}`;
  }
  return key2;
}
function assignments(eff, section, name) {
  const c = canonicalDirective(section, name);
  noteRead(c.section, c.name, resetGroupOf(c.section, c.name, c.info));
  const d = eff.get(section, name);
  if (!d) return [];
  return d.events.filter((e) => e.kind === "set" || e.kind === "append" || e.kind === "reset").map((e) => e.origin.value);
}
function securityInfoOf(eff, unitName, version) {
  const S = "Service";
  const info = {
    unitName,
    version,
    defaultDependencies: true,
    user: void 0,
    dynamicUser: false,
    supplementaryGroups: [],
    ambientCapabilities: 0n,
    capabilityBoundingSet: ALL_CAPS,
    keyringMode: "private",
    protectProc: "default",
    procSubset: "all",
    notifyAccess: "none",
    lockPersonality: false,
    memoryDenyWriteExecute: false,
    noNewPrivileges: false,
    protectHostname: false,
    privateDevices: false,
    privateMounts: false,
    privateNetwork: false,
    privateTmp: false,
    privateUsers: false,
    protectControlGroups: false,
    protectKernelModules: false,
    protectKernelTunables: false,
    protectKernelLogs: false,
    protectClock: false,
    protectHome: "no",
    protectSystem: "no",
    removeIpc: false,
    restrictInet: false,
    restrictUnix: false,
    restrictNetlink: false,
    restrictPacket: false,
    restrictOther: false,
    restrictNamespaces: void 0,
    restrictRealtime: false,
    restrictSuidSgid: false,
    rootDirectory: void 0,
    rootImage: void 0,
    umask: 18,
    systemCallArchitectures: /* @__PURE__ */ new Set(),
    systemCallFilterAllowList: false,
    systemCallFilter: /* @__PURE__ */ new Set(),
    delegate: false,
    devicePolicy: "auto",
    deviceAllow: [],
    ipAddressDenyAll: false,
    ipAddressAllowLocalhost: false,
    ipAddressAllowOther: false,
    ipFiltersCustom: false
  };
  const bool = (section, name, current, extraTrue = [], extraFalse = []) => {
    let v = current;
    for (const raw of assignments(eff, section, name)) {
      const b = parseBoolean(raw);
      if (b !== void 0) v = b;
      else if (version > 252 && extraTrue.includes(raw.toLowerCase())) v = true;
      else if (version > 252 && extraFalse.includes(raw.toLowerCase())) v = false;
    }
    return v;
  };
  const oneOf = (name, current, values2, withBool) => {
    let v = current;
    for (const raw of assignments(eff, S, name)) {
      const b = withBool ? parseBoolean(raw) : void 0;
      if (b !== void 0 && withBool) v = b ? withBool.yes : withBool.no;
      else if (values2.includes(raw)) v = raw;
    }
    return v;
  };
  info.defaultDependencies = bool("Unit", "DefaultDependencies", true);
  for (const raw of assignments(eff, S, "User")) {
    if (raw === "") {
      info.user = void 0;
      continue;
    }
    const v = expandSpecifiers(raw, unitName);
    if (validUserName(v)) info.user = v;
  }
  info.dynamicUser = bool(S, "DynamicUser", false);
  for (const raw of assignments(eff, S, "SupplementaryGroups")) {
    if (raw === "") {
      info.supplementaryGroups = [];
      continue;
    }
    for (const w of words(raw)) {
      const v = expandSpecifiers(w, unitName);
      if (validUserName(v)) info.supplementaryGroups.push(v);
    }
  }
  info.privateTmp = bool(S, "PrivateTmp", false, ["connected", "disconnected"], []);
  info.privateUsers = bool(S, "PrivateUsers", false, ["self", "identity", "full", "managed"], []);
  info.protectControlGroups = bool(S, "ProtectControlGroups", false, ["private", "strict"], []);
  info.protectHostname = bool(S, "ProtectHostname", false, ["private"], []);
  if (version > 252) {
    for (const raw of assignments(eff, S, "ProtectHostname"))
      if (/^(yes|private):/.test(raw)) info.protectHostname = true;
  }
  info.privateMounts = bool(S, "PrivateMounts", false);
  if (version > 252 && assignments(eff, S, "PrivateMounts").at(-1) === "") info.privateMounts = false;
  info.privateDevices = bool(S, "PrivateDevices", false);
  info.privateNetwork = bool(S, "PrivateNetwork", false);
  info.protectKernelModules = bool(S, "ProtectKernelModules", false);
  info.protectKernelTunables = bool(S, "ProtectKernelTunables", false);
  info.protectKernelLogs = bool(S, "ProtectKernelLogs", false);
  info.protectClock = bool(S, "ProtectClock", false);
  info.lockPersonality = bool(S, "LockPersonality", false);
  info.memoryDenyWriteExecute = bool(S, "MemoryDenyWriteExecute", false);
  info.noNewPrivileges = bool(S, "NoNewPrivileges", false);
  info.removeIpc = bool(S, "RemoveIPC", false);
  info.restrictRealtime = bool(S, "RestrictRealtime", false);
  info.restrictSuidSgid = bool(S, "RestrictSUIDSGID", false);
  info.protectHome = oneOf("ProtectHome", "no", ["read-only", "tmpfs"], { yes: "yes", no: "no" });
  info.protectSystem = oneOf("ProtectSystem", "no", ["full", "strict"], { yes: "yes", no: "no" });
  info.keyringMode = oneOf("KeyringMode", "private", ["inherit", "private", "shared"]);
  info.protectProc = oneOf("ProtectProc", "default", ["default", "noaccess", "invisible", "ptraceable"]);
  info.procSubset = oneOf("ProcSubset", "all", ["all", "pid"]);
  info.notifyAccess = oneOf("NotifyAccess", "none", ["none", "main", "exec", "all"]);
  info.devicePolicy = oneOf("DevicePolicy", "auto", ["auto", "closed", "strict"]);
  for (const raw of assignments(eff, S, "UMask"))
    if (/^[0-7]+$/.test(raw) && parseInt(raw, 8) <= 4095) info.umask = parseInt(raw, 8);
  for (const raw of assignments(eff, S, "CapabilityBoundingSet"))
    info.capabilityBoundingSet = applyCapabilities(info.capabilityBoundingSet, raw, ALL_CAPS);
  for (const raw of assignments(eff, S, "AmbientCapabilities"))
    info.ambientCapabilities = applyCapabilities(info.ambientCapabilities, raw, 0n);
  const path = (name) => {
    let v;
    for (const raw of assignments(eff, S, name)) {
      if (raw === "") {
        v = void 0;
        continue;
      }
      const p = expandSpecifiers(raw, unitName);
      if (p.startsWith("/")) v = simplifyPath(p);
    }
    return v;
  };
  info.rootDirectory = path("RootDirectory");
  info.rootImage = path("RootImage");
  for (const raw of assignments(eff, S, "RestrictNamespaces")) {
    if (raw === "") {
      info.restrictNamespaces = void 0;
      continue;
    }
    const b = parseBoolean(raw);
    if (b !== void 0) {
      info.restrictNamespaces = b ? 0 : NS_ALL;
      continue;
    }
    let v = raw;
    const invert = v.startsWith("~");
    if (invert) v = v.slice(1);
    let flags = 0;
    let ok = true;
    for (const w of words(v)) {
      const i = NAMESPACES.indexOf(w);
      if (i < 0) {
        ok = false;
        break;
      }
      flags |= 1 << i;
    }
    if (!ok) continue;
    if (info.restrictNamespaces === void 0) info.restrictNamespaces = invert ? ~flags & NS_ALL : flags;
    else info.restrictNamespaces = invert ? info.restrictNamespaces & ~flags : info.restrictNamespaces | flags;
  }
  let families;
  let familiesAllow = false;
  for (const raw of assignments(eff, S, "RestrictAddressFamilies")) {
    if (raw === "") {
      families = void 0;
      familiesAllow = false;
      continue;
    }
    if (raw === "none") {
      families = void 0;
      familiesAllow = true;
      continue;
    }
    let v = raw;
    const invert = v.startsWith("~");
    if (invert) v = v.slice(1);
    if (!families) {
      families = /* @__PURE__ */ new Set();
      familiesAllow = !invert;
    }
    for (const w of words(v)) {
      const cls = addressFamilies()[w];
      if (!cls) continue;
      const key2 = cls === "other" ? w : cls;
      if (!invert === familiesAllow) families.add(key2);
      else families.delete(key2);
    }
  }
  info.restrictInet = info.restrictUnix = info.restrictNetlink = info.restrictPacket = info.restrictOther = familiesAllow;
  for (const f of families ?? []) {
    if (f === "inet") info.restrictInet = !familiesAllow;
    else if (f === "unix") info.restrictUnix = !familiesAllow;
    else if (f === "netlink") info.restrictNetlink = !familiesAllow;
    else if (f === "packet") info.restrictPacket = !familiesAllow;
    else info.restrictOther = !familiesAllow;
  }
  for (const raw of assignments(eff, S, "SystemCallArchitectures")) {
    if (raw === "") {
      info.systemCallArchitectures = /* @__PURE__ */ new Set();
      continue;
    }
    for (const w of words(raw)) if (architectures().has(w)) info.systemCallArchitectures.add(w);
  }
  const groups = syscallGroups(version);
  let filter;
  let allowList = false;
  const applyName = (name, invert, depth = 0) => {
    if (!filter || depth > 8) return;
    if (name.startsWith("@")) {
      for (const m of groups[name] ?? []) applyName(m, invert, depth + 1);
      return;
    }
    if (!syscallNames252().has(name)) return;
    if (!invert === allowList) filter.add(name);
    else filter.delete(name);
  };
  for (const raw of assignments(eff, S, "SystemCallFilter")) {
    if (raw === "") {
      filter = void 0;
      allowList = false;
      continue;
    }
    let v = raw;
    const invert = v.startsWith("~");
    if (invert) v = v.slice(1);
    if (!filter) {
      filter = /* @__PURE__ */ new Set();
      allowList = !invert;
      if (allowList) applyName("@default", false);
    }
    for (const w of words(v)) {
      const colon = w.indexOf(":");
      const name = colon >= 0 ? w.slice(0, colon) : w;
      if (colon >= 0) {
        const errno = w.slice(colon + 1);
        if (!/^(\d+|E[A-Z0-9]+|kill)$/.test(errno) || /^\d+$/.test(errno) && Number(errno) > 4095) continue;
        if (!invert) continue;
      }
      applyName(name, invert);
    }
  }
  info.systemCallFilterAllowList = allowList;
  info.systemCallFilter = filter ?? /* @__PURE__ */ new Set();
  for (const raw of assignments(eff, S, "Delegate")) {
    const b = raw === "" ? true : parseBoolean(raw);
    info.delegate = b ?? true;
  }
  for (const raw of assignments(eff, S, "DeviceAllow")) {
    if (raw === "") {
      info.deviceAllow = [];
      continue;
    }
    const [first, ...restWords] = words(raw);
    if (!first) continue;
    const dev = expandSpecifiers(first, unitName);
    const perms = restWords.join("");
    if (!/^(block-|char-)/.test(dev)) {
      const p = simplifyPath(dev);
      if (!dev.startsWith("/") || !(p.startsWith("/dev/") || p.startsWith("/run/systemd/inaccessible/"))) continue;
    }
    if (perms && !/^[rwm]+$/.test(perms)) continue;
    info.deviceAllow.unshift(`${dev}:${perms || "rwm"}`);
  }
  const prefixes = (name) => {
    let list2 = [];
    for (const raw of assignments(eff, S, name)) {
      if (raw === "") {
        list2 = [];
        continue;
      }
      for (const w of words(raw)) list2.push(...parsePrefixes(w) ?? []);
    }
    return list2;
  };
  const deny = prefixes("IPAddressDeny");
  info.ipAddressDenyAll = deny.some((p) => p.family === 4 && p.prefixlen === 0) && deny.some((p) => p.family === 6 && p.prefixlen === 0);
  for (const p of prefixes("IPAddressAllow")) {
    if (p.localhost) info.ipAddressAllowLocalhost = true;
    else info.ipAddressAllowOther = true;
  }
  for (const name of ["IPIngressFilterPath", "IPEgressFilterPath"]) {
    let n = 0;
    for (const raw of assignments(eff, S, name)) {
      if (raw === "") n = 0;
      else if (expandSpecifiers(raw, unitName).startsWith("/")) n++;
    }
    if (n > 0) info.ipFiltersCustom = true;
  }
  const caps = capabilities();
  if (info.privateDevices)
    info.capabilityBoundingSet &= ~(1n << BigInt(caps.indexOf("CAP_MKNOD")) | 1n << BigInt(caps.indexOf("CAP_SYS_RAWIO")));
  if (info.protectKernelModules) info.capabilityBoundingSet &= ~(1n << BigInt(caps.indexOf("CAP_SYS_MODULE")));
  if (info.protectKernelLogs) info.capabilityBoundingSet &= ~(1n << BigInt(caps.indexOf("CAP_SYSLOG")));
  if (info.protectClock)
    info.capabilityBoundingSet &= ~(1n << BigInt(caps.indexOf("CAP_SYS_TIME")) | 1n << BigInt(caps.indexOf("CAP_WAKE_ALARM")));
  if (info.dynamicUser) {
    info.user ??= userFromUnitName(unitName);
    info.privateTmp = true;
    info.removeIpc = true;
    info.protectSystem = "strict";
    if (info.protectHome === "no") info.protectHome = "read-only";
    info.noNewPrivileges = true;
    info.restrictSuidSgid = true;
  }
  if (info.privateDevices && info.devicePolicy === "auto") info.devicePolicy = "closed";
  const mountImages = assignments(eff, S, "MountImages").reduceRight(
    (acc, v) => acc ?? (v === "" ? false : true),
    void 0
  ) ?? false;
  if ((info.rootImage || mountImages) && (info.devicePolicy !== "auto" || info.deviceAllow.length > 0)) {
    info.deviceAllow.push(
      "/dev/loop-control:rw",
      "/dev/mapper/control:rw",
      "block-loop:rwm",
      "block-blkext:rwm",
      "block-device-mapper:rwm"
    );
  }
  if (info.protectClock) info.deviceAllow.push("char-rtc:r");
  const encrypted = ["LoadCredentialEncrypted", "SetCredentialEncrypted"].some((n) => {
    let any = false;
    for (const raw of assignments(eff, S, n)) any = raw !== "";
    return any;
  });
  if (encrypted) info.deviceAllow.push("char-tpm:rw");
  return info;
}
var ALL_CAPS, NAMESPACES, NS_ALL, nsBit, laterSyscallGroups, readDirectives, readGroups, readGeneration;
var init_info = __esm({
  "server/src/services/security/info.ts"() {
    "use strict";
    init_effective();
    init_bool();
    init_syscall();
    init_tables();
    ALL_CAPS = (1n << 64n) - 1n;
    NAMESPACES = ["cgroup", "ipc", "net", "mnt", "pid", "user", "uts", "time"];
    NS_ALL = (1 << NAMESPACES.length) - 1;
    nsBit = (n) => 1 << NAMESPACES.indexOf(n);
    laterSyscallGroups = once(() => {
      const g = Object.fromEntries(
        Object.entries(syscallGroups252()).map(([k, v]) => [k, [...v]])
      );
      const add = (group, name) => {
        if (!g[group].includes(name)) g[group].push(name);
      };
      const drop = (group, name) => {
        g[group] = g[group].filter((n) => n !== name);
      };
      add("@mount", "open_tree_attr");
      drop("@mount", "open_tree");
      add("@file-system", "open_tree");
      add("@privileged", "quotactl_fd");
      add("@resources", "set_mempolicy_home_node");
      return g;
    });
    readDirectives = /* @__PURE__ */ new Map();
    readGroups = /* @__PURE__ */ new Set();
    readGeneration = 0;
  }
});

// server/src/services/security/score.ts
function labelOf(tenths) {
  return LABELS.find(([t2]) => tenths >= t2)[1];
}
function checksFor(version) {
  return version >= 252 ? securityChecks() : checksBefore252();
}
function capBits(...names) {
  let m = 0n;
  const caps = capabilities();
  for (const n of names) m |= 1n << BigInt(caps.indexOf(n));
  return m;
}
function runsPrivileged(i) {
  if (i.user === "0" || i.user === "root") return true;
  if (i.dynamicUser) return false;
  return !i.user;
}
function groupLeaks(i, group, groups, depth = 0) {
  for (const m of groups[group] ?? []) {
    if (m.startsWith("@")) {
      if (depth < 8) {
        const r = groupLeaks(i, m, groups, depth + 1);
        if (r) return r;
      }
      continue;
    }
    if (!nativeSyscalls().has(m)) continue;
    if (i.systemCallFilter.has(m) === i.systemCallFilterAllowList) return m;
  }
  return void 0;
}
function assessOne(c, i) {
  const f = c.jsonField;
  if (f in BOOL_FIELD) return { badness: i[BOOL_FIELD[f]] ? 0 : 1 };
  const cap2 = capParam()[f];
  if (cap2 !== void 0) return { badness: (i.capabilityBoundingSet & cap2) !== 0n ? 1 : 0 };
  if (f.startsWith("RestrictNamespaces_")) {
    const ns = f.slice("RestrictNamespaces_".length);
    return { badness: i.restrictNamespaces === void 0 || (i.restrictNamespaces & nsBit(ns)) !== 0 ? 1 : 0 };
  }
  if (f.startsWith("SystemCallFilter_")) {
    const group = `@${f.slice("SystemCallFilter_".length).replace(/_/g, "-")}`;
    if (!i.systemCallFilterAllowList && i.systemCallFilter.size === 0)
      return { badness: 10, note: "no system call filter" };
    const leak = groupLeaks(i, group, syscallGroups(i.version));
    if (i.systemCallFilterAllowList)
      return leak ? { badness: 9, note: `the allow list lets ${group} through (${leak})` } : { badness: 0, note: `the allow list leaves ${group} out` };
    return leak ? { badness: 10, note: `the deny list misses ${group} (${leak})` } : { badness: 0, note: `the deny list covers ${group}` };
  }
  switch (f) {
    case "UserOrDynamicUser":
      if (i.user === "nobody")
        return { badness: 9, note: "runs as 'nobody', which is meant for unmapped files, not services" };
      if (i.dynamicUser && i.user !== "0" && i.user !== "root") return { badness: 0, note: "runs as a dynamic user" };
      if (i.user && i.user !== "0" && i.user !== "root") return { badness: 0, note: `runs as ${i.user}` };
      return { badness: 10 };
    case "SupplementaryGroups":
      return runsPrivileged(i) ? { badness: null, note: "runs as root: groups do not matter" } : { badness: i.supplementaryGroups.length ? 1 : 0 };
    case "RemoveIPC":
      return runsPrivileged(i) ? { badness: null, note: "runs as root: not applicable" } : { badness: i.removeIpc ? 0 : 1 };
    case "ProtectHome": {
      const m = {
        yes: [0, "home directories unreachable"],
        tmpfs: [1, "empty home directories"],
        "read-only": [5, "home directories read-only"]
      };
      const r = m[i.protectHome] ?? [10, "home directories fully reachable"];
      return { badness: r[0], note: r[1] };
    }
    case "ProtectSystem": {
      const m = {
        strict: [0, "whole OS tree read-only"],
        full: [3, "/usr, /boot and /etc read-only"],
        yes: [5, "/usr and /boot read-only"]
      };
      const r = m[i.protectSystem] ?? [10, "OS tree writable"];
      return { badness: r[0], note: r[1] };
    }
    case "RootDirectoryOrRootImage": {
      const isRoot = (p) => !p || p === "/";
      return { badness: isRoot(i.rootDirectory) && isRoot(i.rootImage) ? 1 : 0 };
    }
    case "UMask": {
      const u = i.umask;
      if (!(u & 2)) return { badness: 10, note: "new files world-writable" };
      if (!(u & 4)) return { badness: 5, note: "new files world-readable" };
      if (!(u & 16)) return { badness: 2, note: "new files group-writable" };
      if (!(u & 32)) return { badness: 1, note: "new files group-readable" };
      return { badness: 0, note: "new files private to the owner" };
    }
    case "KeyringMode":
      return { badness: i.keyringMode === "private" ? 0 : 1 };
    case "ProtectProc":
      return {
        badness: i.protectProc === "noaccess" ? 1 : i.protectProc === "invisible" || i.protectProc === "ptraceable" ? 0 : 3
      };
    case "ProcSubset":
      return { badness: i.procSubset === "pid" ? 0 : 1 };
    case "NotifyAccess":
      return { badness: i.notifyAccess === "all" ? 1 : 0 };
    case "Delegate":
      return { badness: i.delegate ? 1 : 0 };
    case "SystemCallArchitectures": {
      const a = i.systemCallArchitectures;
      if (a.size === 0) return { badness: 10 };
      if (a.has("native") && a.size === 1) return { badness: 0 };
      return { badness: 8, note: "system calls of several ABIs allowed" };
    }
    case "IPAddressDeny":
      if (i.ipFiltersCustom) return { badness: 0, note: "custom BPF IP filters" };
      if (!i.ipAddressDenyAll) return { badness: 10 };
      if (i.ipAddressAllowOther) return { badness: 5, note: "deny-all with allowed ranges beyond localhost" };
      if (i.ipAddressAllowLocalhost) return { badness: 2, note: "deny-all, only localhost allowed" };
      return { badness: 0 };
    case "DeviceAllow":
      if (i.devicePolicy === "strict" || i.devicePolicy === "closed") {
        return i.deviceAllow.length ? { badness: 5, note: `device ACL with ${i.deviceAllow.join(" ")}` } : { badness: 0 };
      }
      return { badness: 10 };
    case "AmbientCapabilities":
      return { badness: i.ambientCapabilities !== 0n ? 1 : 0 };
    default:
      return { badness: 1, note: "unknown check" };
  }
}
function directiveOf(c) {
  const d = c.id.replace(/=.*$/, "");
  return d === "User" ? "DynamicUser" : d === "RootDirectory" ? "RootDirectory" : d;
}
function assessInfo(info) {
  const rows = [];
  let badnessSum = 0;
  let weightSum = 0;
  for (const c of checksFor(info.version)) {
    let a;
    if (c.defaultDependenciesOnly && !info.defaultDependencies)
      a = { badness: null, note: "DefaultDependencies=no: an early-boot service, not applicable" };
    else a = assessOne(c, info);
    if (a.badness !== null) {
      badnessSum += ceilDiv(a.badness * c.weight, c.range);
      weightSum += c.weight;
    }
    rows.push({ c, a });
  }
  const exposureTenths = weightSum > 0 ? ceilDiv(badnessSum * 100, weightSum) : 0;
  const checks = rows.map(({ c, a }) => {
    const b = a.badness;
    const share = b !== null && b > 0 ? ceilDiv(ceilDiv(b * c.weight * 100, c.range), weightSum) : 0;
    const description = b === null ? a.note ?? "not applicable" : b === 0 ? a.note && !/^the |^runs as/.test(a.note) ? a.note : c.good : b === c.range ? c.bad : a.note ?? c.bad;
    return {
      id: c.id,
      json_field: c.jsonField,
      set: b === null ? null : b === 0,
      exposureTenths: share,
      exposure: share > 0 ? formatTenths(share) : null,
      description: b !== null && b > 0 && b < c.range && a.note ? a.note : b !== null && b === c.range && a.note && c.jsonField.startsWith("SystemCallFilter_") ? a.note : description,
      badness: b,
      weight: c.weight,
      range: c.range,
      directive: directiveOf(c),
      points: b === null ? 0 : ceilDiv(b * c.weight, c.range),
      url: c.url
    };
  });
  return {
    unit: info.unitName,
    version: info.version,
    exposureTenths,
    exposure: formatTenths(exposureTenths),
    label: labelOf(exposureTenths),
    checks,
    badnessSum,
    weightSum
  };
}
function scoreService(eff, unitName, version) {
  return assessInfo(securityInfoOf(eff, unitName, version));
}
var LABELS, formatTenths, ceilDiv, checksBefore252, capParam, BOOL_FIELD;
var init_score = __esm({
  "server/src/services/security/score.ts"() {
    "use strict";
    init_tables();
    init_info();
    LABELS = [
      [100, "DANGEROUS"],
      [90, "UNSAFE"],
      [75, "EXPOSED"],
      [50, "MEDIUM"],
      [10, "OK"],
      [1, "SAFE"],
      [0, "PERFECT"]
    ];
    formatTenths = (t2) => `${Math.floor(t2 / 10)}.${t2 % 10}`;
    ceilDiv = (a, b) => Math.floor((a + b - 1) / b);
    checksBefore252 = once(() => securityChecks().filter((c) => c.in252));
    capParam = once(() => ({
      CapabilityBoundingSet_CAP_SYS_ADMIN: capBits("CAP_SYS_ADMIN"),
      CapabilityBoundingSet_CAP_SET_UID_GID_PCAP: capBits("CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP"),
      CapabilityBoundingSet_CAP_SYS_PTRACE: capBits("CAP_SYS_PTRACE"),
      CapabilityBoundingSet_CAP_SYS_TIME: capBits("CAP_SYS_TIME"),
      CapabilityBoundingSet_CAP_NET_ADMIN: capBits("CAP_NET_ADMIN"),
      CapabilityBoundingSet_CAP_SYS_RAWIO: capBits("CAP_SYS_RAWIO"),
      CapabilityBoundingSet_CAP_SYS_MODULE: capBits("CAP_SYS_MODULE"),
      CapabilityBoundingSet_CAP_AUDIT: capBits("CAP_AUDIT_CONTROL", "CAP_AUDIT_READ", "CAP_AUDIT_WRITE"),
      CapabilityBoundingSet_CAP_SYSLOG: capBits("CAP_SYSLOG"),
      CapabilityBoundingSet_CAP_SYS_NICE_RESOURCE: capBits("CAP_SYS_NICE", "CAP_SYS_RESOURCE"),
      CapabilityBoundingSet_CAP_MKNOD: capBits("CAP_MKNOD"),
      CapabilityBoundingSet_CAP_CHOWN_FSETID_SETFCAP: capBits("CAP_CHOWN", "CAP_FSETID", "CAP_SETFCAP"),
      CapabilityBoundingSet_CAP_DAC_FOWNER_IPC_OWNER: capBits(
        "CAP_DAC_OVERRIDE",
        "CAP_DAC_READ_SEARCH",
        "CAP_FOWNER",
        "CAP_IPC_OWNER"
      ),
      CapabilityBoundingSet_CAP_KILL: capBits("CAP_KILL"),
      "CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW)": capBits(
        "CAP_NET_BIND_SERVICE",
        "CAP_NET_BROADCAST",
        "CAP_NET_RAW"
      ),
      CapabilityBoundingSet_CAP_SYS_BOOT: capBits("CAP_SYS_BOOT"),
      CapabilityBoundingSet_CAP_MAC: capBits("CAP_MAC_ADMIN", "CAP_MAC_OVERRIDE"),
      CapabilityBoundingSet_CAP_LINUX_IMMUTABLE: capBits("CAP_LINUX_IMMUTABLE"),
      CapabilityBoundingSet_CAP_IPC_LOCK: capBits("CAP_IPC_LOCK"),
      CapabilityBoundingSet_CAP_SYS_CHROOT: capBits("CAP_SYS_CHROOT"),
      CapabilityBoundingSet_CAP_BLOCK_SUSPEND: capBits("CAP_BLOCK_SUSPEND"),
      CapabilityBoundingSet_CAP_WAKE_ALARM: capBits("CAP_WAKE_ALARM"),
      CapabilityBoundingSet_CAP_LEASE: capBits("CAP_LEASE"),
      CapabilityBoundingSet_CAP_SYS_TTY_CONFIG: capBits("CAP_SYS_TTY_CONFIG"),
      CapabilityBoundingSet_CAP_SYS_PACCT: capBits("CAP_SYS_PACCT"),
      CapabilityBoundingSet_CAP_BPF: capBits("CAP_BPF")
    }));
    BOOL_FIELD = {
      PrivateDevices: "privateDevices",
      PrivateMounts: "privateMounts",
      PrivateNetwork: "privateNetwork",
      PrivateTmp: "privateTmp",
      PrivateUsers: "privateUsers",
      ProtectControlGroups: "protectControlGroups",
      ProtectKernelModules: "protectKernelModules",
      ProtectKernelTunables: "protectKernelTunables",
      ProtectKernelLogs: "protectKernelLogs",
      ProtectClock: "protectClock",
      ProtectHostname: "protectHostname",
      LockPersonality: "lockPersonality",
      MemoryDenyWriteExecute: "memoryDenyWriteExecute",
      NoNewPrivileges: "noNewPrivileges",
      RestrictRealtime: "restrictRealtime",
      RestrictSUIDSGID: "restrictSuidSgid",
      RestrictAddressFamilies_AF_INET_INET6: "restrictInet",
      RestrictAddressFamilies_AF_UNIX: "restrictUnix",
      RestrictAddressFamilies_AF_NETLINK: "restrictNetlink",
      RestrictAddressFamilies_AF_PACKET: "restrictPacket",
      RestrictAddressFamilies_OTHER: "restrictOther"
    };
  }
});

// server/src/services/security/fixes.ts
function kebabOf(jsonField) {
  return jsonField.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}
function capsOf(pattern) {
  const re = new RegExp(`^(?:${pattern.replace(/\*/g, "[A-Z_]*")})$`);
  return capabilities().filter((c) => re.test(c));
}
function fixForCheck(id) {
  if (FIXED[id]) return FIXED[id];
  const [key2, rest2] = [id.slice(0, id.indexOf("=")), id.slice(id.indexOf("=") + 1)];
  if (!rest2 && YES.has(key2)) return { directive: key2, value: "yes" };
  if (key2 === "CapabilityBoundingSet" && rest2.startsWith("~")) {
    const caps = capsOf(rest2.slice(1));
    return caps.length ? { directive: key2, value: `~${caps.join(" ")}` } : void 0;
  }
  if ((key2 === "RestrictNamespaces" || key2 === "SystemCallFilter" || key2 === "RestrictAddressFamilies") && rest2)
    return { directive: key2, value: rest2 };
  return void 0;
}
function withServiceLine(text, line) {
  const lines = text.split("\n");
  let inService = false;
  let lastServiceLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const t2 = lines[i].trim();
    if (/^\[.*\]$/.test(t2)) inService = t2 === "[Service]";
    else if (inService && t2 && !t2.startsWith("#") && !t2.startsWith(";")) lastServiceLine = i;
    else if (inService && lastServiceLine < 0 && lines[i - 1]?.trim() === "[Service]") lastServiceLine = i - 1;
  }
  if (lastServiceLine < 0) {
    const header = lines.findIndex((l) => l.trim() === "[Service]");
    lastServiceLine = header;
  }
  if (lastServiceLine < 0) {
    const sep = text === "" || text.endsWith("\n") ? "" : "\n";
    const insert2 = `${sep}[Service]
${line}
`;
    return { text: text + insert2, at: text.length, insert: insert2 };
  }
  let end = lastServiceLine;
  while (end + 1 < lines.length && lines[end].endsWith("\\")) end++;
  const at2 = lines.slice(0, end + 1).join("\n").length + 1;
  const insert = `${line}
`;
  if (at2 > text.length) return { text: `${text}
${line}
`, at: text.length, insert: `
${line}
` };
  return { text: text.slice(0, at2) + insert + text.slice(at2), at: at2, insert };
}
function scoreWithLine(sources, unitName, version, line, inline) {
  const self = inline ?? -1;
  const next = self >= 0 && sources[self]?.text !== void 0 ? sources.map((s, i) => i === self ? { ...s, text: withServiceLine(s.text, line).text } : s) : [...sources, { path: `/${unitName}.d/hardening.conf`, text: `[Service]
${line}
` }];
  return scoreService(mergeUnit(next), unitName, version);
}
function fixEdit(text, assignments2, fix) {
  const last = LIST_DIRECTIVES.has(fix.directive) ? void 0 : assignments2.filter((a) => a.key === fix.directive).at(-1);
  if (last) {
    const start = last.eq + 1;
    const end = Math.max(start, last.valueSpan.end);
    return { start, end, newText: fix.value, text: text.slice(0, start) + fix.value + text.slice(end), replaced: true };
  }
  const w = withServiceLine(text, fixLine(fix));
  return { start: w.at, end: w.at, newText: w.insert, text: w.text, replaced: false };
}
function fixForCode(code) {
  const check = HARDENING_CHECKS.find((c) => c.code === code);
  return check ? fixForCheck(check.id) : void 0;
}
var codesByField, hardeningCodeOf, HARDENING_CHECKS, YES, FIXED, fixLine, LIST_DIRECTIVES;
var init_fixes = __esm({
  "server/src/services/security/fixes.ts"() {
    "use strict";
    init_effective();
    init_tables();
    init_score();
    codesByField = /* @__PURE__ */ new Map();
    hardeningCodeOf = (jsonField) => {
      let code = codesByField.get(jsonField);
      if (code === void 0) codesByField.set(jsonField, code = `hardening-${kebabOf(jsonField)}`);
      return code;
    };
    HARDENING_CHECKS = securityChecks().map((c) => ({ code: hardeningCodeOf(c.jsonField), id: c.id, bad: c.bad, good: c.good }));
    YES = /* @__PURE__ */ new Set([
      "PrivateDevices",
      "PrivateMounts",
      "PrivateNetwork",
      "PrivateTmp",
      "PrivateUsers",
      "ProtectControlGroups",
      "ProtectKernelModules",
      "ProtectKernelTunables",
      "ProtectKernelLogs",
      "ProtectClock",
      "ProtectHome",
      "ProtectHostname",
      "LockPersonality",
      "MemoryDenyWriteExecute",
      "NoNewPrivileges",
      "RemoveIPC",
      "RestrictRealtime",
      "RestrictSUIDSGID"
    ]);
    FIXED = {
      "User=/DynamicUser=": { directive: "DynamicUser", value: "yes" },
      "SupplementaryGroups=": { directive: "SupplementaryGroups", value: "" },
      "ProtectSystem=": { directive: "ProtectSystem", value: "strict" },
      "UMask=": { directive: "UMask", value: "0077" },
      "KeyringMode=": { directive: "KeyringMode", value: "private" },
      "ProtectProc=": { directive: "ProtectProc", value: "invisible" },
      "ProcSubset=": { directive: "ProcSubset", value: "pid" },
      "NotifyAccess=": { directive: "NotifyAccess", value: "main" },
      "Delegate=": { directive: "Delegate", value: "no" },
      "SystemCallArchitectures=": { directive: "SystemCallArchitectures", value: "native" },
      "IPAddressDeny=": { directive: "IPAddressDeny", value: "any" },
      "DeviceAllow=": { directive: "DevicePolicy", value: "closed" },
      "AmbientCapabilities=": { directive: "AmbientCapabilities", value: "" },
      "RestrictAddressFamilies=~AF_(INET|INET6)": { directive: "RestrictAddressFamilies", value: "~AF_INET AF_INET6" },
      "RestrictAddressFamilies=~\u2026": { directive: "RestrictAddressFamilies", value: "AF_UNIX AF_INET AF_INET6" }
    };
    fixLine = (f) => `${f.directive}=${f.value}`;
    LIST_DIRECTIVES = /* @__PURE__ */ new Set([
      "CapabilityBoundingSet",
      "AmbientCapabilities",
      "SystemCallFilter",
      "RestrictNamespaces",
      "RestrictAddressFamilies",
      "SupplementaryGroups",
      "DeviceAllow",
      "IPAddressDeny"
    ]);
  }
});

// server/src/values/timespan.ts
function parseTimespan(text, defaultUnitUsec = USEC_PER_SEC, nsec = false) {
  const units2 = nsec ? NSEC_UNITS : USEC_UNITS;
  const n = text.length;
  let p = 0;
  while (p < n && isWs(text[p])) p++;
  if (text.startsWith("infinity", p)) {
    let q2 = p + 8;
    while (q2 < n && isWs(text[q2])) q2++;
    if (q2 === n) return { usec: "infinity" };
    return { error: "'infinity' must stand alone", start: p, end: n };
  }
  let total = 0n;
  let something = false;
  for (; ; ) {
    while (p < n && isWs(text[p])) p++;
    if (p >= n) {
      if (!something) return { error: "the value is empty", start: 0, end: n };
      break;
    }
    const compStart = p;
    if (text[p] === "-") return { error: "negative values are not allowed", start: p, end: n };
    let q2 = p;
    if (text[q2] === "+") q2++;
    const digStart = q2;
    while (q2 < n && isDigit(text[q2])) q2++;
    const intPart = text.slice(digStart, q2);
    let fracDigits = "";
    if (text[q2] === ".") {
      let r = q2 + 1;
      while (r < n && isDigit(text[r])) r++;
      fracDigits = text.slice(q2 + 1, r);
      if (intPart === "" && text[p] === "+") return { error: "a number is expected", start: compStart, end: r };
      q2 = r;
      if (fracDigits === "")
        return {
          error: `'${text.slice(compStart, q2)}' needs digits after the decimal point`,
          start: compStart,
          end: q2
        };
    } else if (intPart === "") {
      let r = q2;
      while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
      const word = text.slice(compStart, Math.max(r, compStart + 1));
      return {
        error: `'${word}' is not a number followed by a known unit`,
        start: compStart,
        end: Math.max(r, compStart + 1)
      };
    }
    let u = q2;
    while (u < n && isWs(text[u])) u++;
    let mult = defaultUnitUsec;
    let unitEnd = q2;
    for (const [suffix, m2] of units2) {
      if (text.startsWith(suffix, u)) {
        mult = m2;
        unitEnd = u + suffix.length;
        break;
      }
    }
    if (unitEnd === q2) {
      if (u < n && u === q2 && !isDigit(text[u]) && text[u] !== "+" && text[u] !== "-" && text[u] !== ".") {
        let r = u;
        while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
        const word = text.slice(u, r);
        return { error: `unit '${word}' is not known`, start: u, end: r };
      }
      if (u < n && u === q2 && text[u] === ".")
        return {
          error: `'${text.slice(compStart, u + 1)}' has more than one decimal point`,
          start: compStart,
          end: u + 1
        };
      unitEnd = q2;
    } else {
      if (unitEnd < n && !isWs(text[unitEnd]) && !isDigit(text[unitEnd]) && text[unitEnd] !== "." && text[unitEnd] !== "+") {
        let r = unitEnd;
        while (r < n && !isWs(text[r]) && !isDigit(text[r])) r++;
        const word = text.slice(u, r);
        return { error: `unit '${word}' is not known`, start: u, end: r };
      }
    }
    const m = BigInt(Math.round(nsec ? mult * 1e3 : mult));
    const l = BigInt(intPart === "" ? "0" : intPart);
    if (m === 0n) return { error: "the value is out of range", start: compStart, end: unitEnd };
    if (l >= INF / m) return { error: "the value is out of range", start: compStart, end: unitEnd };
    let k = l * m;
    if (k >= INF - total) return { error: "the value is out of range", start: compStart, end: unitEnd };
    total += k;
    let fm = m / 10n;
    for (const dch of fracDigits) {
      k = BigInt(dch.charCodeAt(0) - 48) * fm;
      if (k >= INF - total) return { error: "the value is out of range", start: compStart, end: unitEnd };
      total += k;
      fm /= 10n;
    }
    something = true;
    p = unitEnd;
  }
  return { usec: nsec ? Number(total) / 1e3 : Number(total) };
}
function defaultUnitFor(ctx) {
  if (ctx.kind === "nsec") return { unit: 1e-3, nsec: true };
  return { unit: USEC_PER_SEC, nsec: false };
}
function timespanMessage(value, e, nsec) {
  const units2 = nsec ? `ns, ${TIME_UNITS_HINT}` : TIME_UNITS_HINT;
  return `Invalid time span '${value}': ${e.error}; use a number with units such as ${units2} (e.g. '5min 20s'), or 'infinity'.`;
}
function validateTimespan(value, ctx) {
  if (value === "") return [];
  const keywords2 = ctx.enumValues.filter((v) => !v.startsWith("<"));
  if (keywords2.includes(value)) return [];
  const { unit, nsec } = defaultUnitFor(ctx);
  const r = parseTimespan(value, unit, nsec);
  if ("error" in r) return [err(r.start, Math.max(r.end, r.start), timespanMessage(value, r, nsec))];
  if (ctx.parser === "config_parse_managed_oom_mem_pressure_duration_sec") {
    if (r.usec === "infinity" || r.usec < USEC_PER_SEC) {
      return [err(0, value.length, `${ctx.directive}= must be at least 1s and not infinity.`)];
    }
  }
  return [];
}
var USEC_PER_SEC, USEC_UNITS, NSEC_EXTRA, NSEC_UNITS, INF, TIME_UNITS_HINT;
var init_timespan = __esm({
  "server/src/values/timespan.ts"() {
    "use strict";
    init_util();
    USEC_PER_SEC = 1e6;
    USEC_UNITS = [
      ["seconds", 1e6],
      ["second", 1e6],
      ["sec", 1e6],
      ["s", 1e6],
      ["minutes", 6e7],
      ["minute", 6e7],
      ["min", 6e7],
      ["months", 26298e8],
      ["month", 26298e8],
      ["M", 26298e8],
      ["msec", 1e3],
      ["ms", 1e3],
      ["m", 6e7],
      ["hours", 36e8],
      ["hour", 36e8],
      ["hr", 36e8],
      ["h", 36e8],
      ["days", 864e8],
      ["day", 864e8],
      ["d", 864e8],
      ["weeks", 6048e8],
      ["week", 6048e8],
      ["w", 6048e8],
      ["years", 315576e8],
      ["year", 315576e8],
      ["y", 315576e8],
      ["usec", 1],
      ["us", 1],
      ["\u03BCs", 1],
      ["\xB5s", 1]
    ];
    NSEC_EXTRA = [
      ["nsec", 1e-3],
      ["ns", 1e-3]
    ];
    NSEC_UNITS = [...USEC_UNITS, ...NSEC_EXTRA];
    INF = 18446744073709551615n;
    TIME_UNITS_HINT = "us, ms, s (sec, seconds), min (m, minutes), h (hr, hours), d (days), w (weeks), M (months), y (years)";
  }
});

// server/src/values/signal.ts
function parseSignal(text) {
  const t2 = text.startsWith("SIG") ? text.slice(3) : text;
  const idx = SIGNAL_NAMES.indexOf(t2);
  if (idx >= 0) return idx + 1;
  const rt = /^RT(MIN|MAX)(?:([+-])(.*))?$/.exec(t2);
  if (rt) {
    const base = rt[1] === "MIN" ? SIGRTMIN : SIGRTMAX;
    if (rt[2] === void 0) return base;
    if (rt[1] === "MIN" && rt[2] !== "+" || rt[1] === "MAX" && rt[2] !== "-") return void 0;
    const k = parseCInteger(rt[3], false);
    if (k === void 0 || /^[ \t]/.test(rt[3])) return void 0;
    const v = rt[1] === "MIN" ? base + k : base - k;
    return v >= SIGRTMIN && v <= SIGRTMAX ? v : void 0;
  }
  if (text !== t2) return void 0;
  const n = parseCInteger(text, false);
  if (n !== void 0 && n >= 1 && n <= 64) return n;
  return void 0;
}
function signalSuggestion(word) {
  return suggestEnum(word.startsWith("SIG") || !/^[a-z]/i.test(word) ? word : "SIG" + word, SIGNAL_CANDIDATES);
}
function signalMessage(word) {
  const sug = suggestEnum(word.startsWith("SIG") || !/^[a-z]/i.test(word) ? word : "SIG" + word, SIGNAL_CANDIDATES);
  return `Invalid signal '${word}': expected a name such as SIGTERM or HUP, a number 1..64, or RTMIN+n/RTMAX-n${sug ? ` (did you mean '${sug}'?)` : ""}.`;
}
function validateSignal(value, _ctx) {
  if (value === "") return [];
  if (parseSignal(value) !== void 0) return [];
  return [suggesting(err(0, value.length, signalMessage(value)), signalSuggestion(value))];
}
function validateExitStatus(value, ctx) {
  if (value === "") return [];
  if (ctx.parser !== "config_parse_set_status") {
    const v = parseCInteger(value, true);
    if (v === void 0)
      return [err(0, value.length, `Invalid exit status '${value}': expected a number between 0 and 255.`)];
    if (v < 0 || v > 255) return [err(0, value.length, `Exit status '${value}' is out of range: expected 0..255.`)];
    return [];
  }
  const names = ctx.enumValues.filter((v) => !v.startsWith("<"));
  const { words: words4, error } = splitWords(value, { unquote: true });
  const out = [];
  if (error) out.push(err(error.start, error.end, `${error.message}.`));
  for (const w of words4) {
    const t2 = w.text;
    const num = parseCInteger(t2, true);
    if (num !== void 0) {
      const v = num;
      if (v < 0 || v > 255)
        out.push(
          err(w.start, w.end, `Exit status '${t2}' is out of range: expected 0..255; systemd ignores the whole line.`)
        );
      continue;
    }
    if (names.includes(t2)) continue;
    if (parseSignal(t2) !== void 0 && !/^[0-9]/.test(t2)) continue;
    const sug = suggestEnum(t2, [...names, ...SIGNAL_CANDIDATES]);
    out.push(
      suggesting(
        err(
          w.start,
          w.end,
          `Invalid exit status '${t2}': expected a number 0..255, an exit status name such as SUCCESS or TEMPFAIL, or a signal name such as SIGHUP${sug ? ` (did you mean '${sug}'?)` : ""}; systemd ignores the whole line.`
        ),
        sug
      )
    );
  }
  return out;
}
var SIGNAL_NAMES, SIGRTMIN, SIGRTMAX, SIGNAL_CANDIDATES;
var init_signal = __esm({
  "server/src/values/signal.ts"() {
    "use strict";
    init_util();
    init_numbers();
    init_enum();
    SIGNAL_NAMES = [
      "HUP",
      "INT",
      "QUIT",
      "ILL",
      "TRAP",
      "ABRT",
      "BUS",
      "FPE",
      "KILL",
      "USR1",
      "SEGV",
      "USR2",
      "PIPE",
      "ALRM",
      "TERM",
      "STKFLT",
      "CHLD",
      "CONT",
      "STOP",
      "TSTP",
      "TTIN",
      "TTOU",
      "URG",
      "XCPU",
      "XFSZ",
      "VTALRM",
      "PROF",
      "WINCH",
      "IO",
      "PWR",
      "SYS"
    ];
    SIGRTMIN = 34;
    SIGRTMAX = 64;
    SIGNAL_CANDIDATES = [...SIGNAL_NAMES.map((s) => "SIG" + s), "SIGRTMIN", "SIGRTMAX"];
  }
});

// server/src/values/exec.ts
function parsePrefixes2(text, allowShell) {
  const p = {
    ignoreFailure: false,
    argv0: false,
    noEnv: false,
    privileged: false,
    noSetuid: false,
    ambient: false,
    shell: false,
    length: 0
  };
  let i = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === "-" && !p.ignoreFailure) p.ignoreFailure = true;
    else if (c === "@" && !p.argv0) p.argv0 = true;
    else if (c === ":" && !p.noEnv) p.noEnv = true;
    else if (c === "+" && !p.privileged && !p.noSetuid && !p.ambient) p.privileged = true;
    else if (c === "!" && !p.privileged && !p.noSetuid && !p.ambient) p.noSetuid = true;
    else if (c === "!" && p.noSetuid && !p.ambient) {
      p.noSetuid = false;
      p.ambient = true;
    } else if (c === "|" && allowShell && !p.shell) p.shell = true;
    else break;
  }
  p.length = i;
  return p;
}
function validateExec(value, ctx) {
  if (value === "") return [];
  const out = [];
  const sctx = specifierContextFor(ctx);
  const { words: words4, error, unknownEscapes } = splitWords(value, { unquote: true, cunescape: true, relax: true });
  for (const u of unknownEscapes) {
    if (value.slice(u.start, u.end) === "\\;") continue;
    out.push(
      warn(
        u.start,
        u.end,
        `Unknown escape sequence '${value.slice(u.start, u.end)}': systemd keeps it literally and logs a warning; write '\\\\' for a backslash.`
      )
    );
  }
  if (error) {
    out.push(err(error.start, error.end, `${error.message}; systemd refuses the command line.`));
    return out;
  }
  const commands = [];
  let cur = [];
  for (const w of words4) {
    if (w.raw === ";") {
      commands.push(cur);
      cur = [];
      continue;
    }
    cur.push(w);
  }
  commands.push(cur);
  const allowShell = ctx.targetVersion >= 258;
  for (const cmd of commands) {
    if (cmd.length === 0) continue;
    out.push(...checkCommand(cmd, ctx, sctx, allowShell));
  }
  return out;
}
function checkCommand(cmd, ctx, sctx, allowShell) {
  const out = [];
  for (const w of cmd) out.push(...checkSpecifiers(w.raw, sctx, ctx.targetVersion, w.start));
  if (out.some((p) => p.severity === "error")) return out;
  const first = cmd[0];
  let pfx = parsePrefixes2(first.text, true);
  if (pfx.shell && !allowShell) {
    out.push(
      warn(
        first.start,
        first.start + pfx.length,
        `The '|' prefix (run via the shell) needs systemd 258; the target version ${ctx.targetVersion} takes '|' as part of the executable name.`
      )
    );
    pfx = parsePrefixes2(first.text, false);
  }
  const rest2 = first.text.slice(pfx.length);
  const restStart = first.start + pfx.length;
  const fatal = pfx.ignoreFailure ? "systemd ignores this command" : "systemd refuses to load the unit";
  if (pfx.ambient && ctx.targetVersion >= 258) {
    out.push({
      ...warn(
        first.start,
        restStart,
        `The '!!' prefix does nothing on systemd ${ctx.targetVersion} (it only mattered on kernels without ambient capabilities, which systemd 258 no longer supports); '!' or no prefix says the same.`,
        "deprecated-value"
      ),
      severity: "info"
    });
  }
  if (pfx.shell) {
    if (rest2 === "" && cmd.length === 1)
      out.push(err(first.start, first.end, `Empty command after the '|' prefix; ${fatal}.`));
    return out;
  }
  const exe = rest2;
  if (exe === "" && pfx.length > 0) {
    out.push(
      err(
        first.start,
        first.end,
        `Empty executable path after the prefixes '${first.text}'; write the prefixes directly before the path (e.g. -/usr/bin/foo).`
      )
    );
    return out;
  }
  if (pfx.argv0 && cmd.length < 2) {
    out.push(
      err(first.start, first.end, `With the '@' prefix the second word is argv[0], but it is missing; ${fatal}.`)
    );
    return out;
  }
  const expanded = stripSpecifiers(exe);
  const exeStart = Math.min(restStart, first.end);
  const exeEnd = first.end;
  if (expanded.startsWith("/")) {
    if (expanded.endsWith("/"))
      out.push(err(exeStart, exeEnd, `Executable path '${exe}' ends with '/', so it names a directory; ${fatal}.`));
    return out;
  }
  if (expanded.includes("/")) {
    const conflict = /^[-@:+!|]/.test(expanded) ? ` The prefix '${expanded[0]}' cannot be repeated or combined this way ('+' excludes '!' and '!!').` : "";
    out.push(
      err(
        exeStart,
        exeEnd,
        `'${exe}' is neither an absolute path nor a bare executable name (without '/'); ${fatal}.${conflict}`
      )
    );
    return out;
  }
  if (expanded === "." || expanded === ".." || expanded.length > FILENAME_MAX) {
    out.push(err(exeStart, exeEnd, `'${exe}' is not a valid executable name; ${fatal}.`));
  }
  return out;
}
var FILENAME_MAX;
var init_exec = __esm({
  "server/src/values/exec.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    FILENAME_MAX = 255;
  }
});

// server/src/values/socketAddress.ts
function isIPv42(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}
function isIPv62(s) {
  if (s.length === 0 || s.length > 45) return false;
  let text = s;
  let groupsNeeded = 8;
  const lastColon = text.lastIndexOf(":");
  if (lastColon >= 0 && text.slice(lastColon + 1).includes(".")) {
    if (!isIPv42(text.slice(lastColon + 1))) return false;
    text = text.slice(0, lastColon + 1) + "0";
    groupsNeeded = 7;
  }
  const dbl = text.indexOf("::");
  if (dbl >= 0 && text.indexOf("::", dbl + 1) >= 0) return false;
  const hexGroup = /^[0-9a-fA-F]{1,4}$/;
  if (dbl >= 0) {
    const left = text.slice(0, dbl);
    const right = text.slice(dbl + 2);
    const l = left === "" ? [] : left.split(":");
    const r = right === "" ? [] : right.split(":");
    if (![...l, ...r].every((g2) => hexGroup.test(g2))) return false;
    const count = l.length + r.length + (groupsNeeded === 7 ? 1 : 0);
    return count <= 7;
  }
  const g = text.split(":");
  if (!g.every((x) => hexGroup.test(x))) return false;
  return g.length + (groupsNeeded === 7 ? 1 : 0) === 8;
}
function portProblem(port) {
  if (!/^[0-9]+$/.test(port)) return `'${port}' is not a port number`;
  const v = Number(port);
  if (v < 1 || v > 65535) return `port ${port} is out of range (1..65535)`;
  return void 0;
}
function socketAddressProblem(s) {
  if (s.startsWith("[")) {
    const close = s.indexOf("]");
    if (close < 0) return "the '[' of the IPv6 address is not closed";
    let addr = s.slice(1, close);
    const pct = addr.indexOf("%");
    if (pct >= 0) addr = addr.slice(0, pct);
    if (!isIPv62(addr)) return `'${addr}' is not an IPv6 address`;
    if (s[close + 1] !== ":") return "the port is missing; write [ADDRESS]:PORT";
    return portProblem(s.slice(close + 2));
  }
  if (s.startsWith("/")) {
    if (s === "/") return "'/' is not a socket path";
    if (s.length >= SUN_PATH_MAX) return `the socket path is longer than ${SUN_PATH_MAX - 1} bytes`;
    return void 0;
  }
  if (s.startsWith("@")) {
    if (s.length === 1) return "the abstract socket name after '@' is empty";
    if (s.length > SUN_PATH_MAX) return `the abstract socket name is longer than ${SUN_PATH_MAX - 1} bytes`;
    return void 0;
  }
  if (s.startsWith("vsock-mux:")) return void 0;
  if (s.startsWith("vsock:")) {
    const rest2 = s.slice(6);
    const colon2 = rest2.lastIndexOf(":");
    if (colon2 < 0) return "expected vsock:CID:PORT";
    const cid = rest2.slice(0, colon2);
    if (cid !== "" && parseCInteger(cid, false) === void 0) return `'${cid}' is not a vsock CID`;
    const port = rest2.slice(colon2 + 1);
    if (!/^[0-9]+$/.test(port) || Number(port) > 4294967295) return `'${port}' is not a vsock port`;
    return void 0;
  }
  if (/^[0-9]+$/.test(s)) return portProblem(s);
  const colon = s.lastIndexOf(":");
  if (colon > 0) {
    const host = s.slice(0, colon);
    const hostNoScope = host.includes("%") ? host.slice(0, host.indexOf("%")) : host;
    if (isIPv42(hostNoScope)) return portProblem(s.slice(colon + 1));
    if (isIPv62(host)) return "an IPv6 address needs brackets: [ADDRESS]:PORT";
    return `'${host}' is not an IPv4 address (host names are not resolved)`;
  }
  if (isIPv42(s) || isIPv62(s)) return "the port is missing";
  return "expected a port, IPv4:PORT, [IPv6]:PORT, /path, @abstract or vsock:CID:PORT";
}
function validateSocketAddress(value, ctx) {
  if (value === "") return [];
  const out = checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0);
  if (out.some((p) => p.severity === "error")) return out;
  const s = stripSpecifiers(value);
  if (ctx.directive === "ListenNetlink") {
    const parts = s.split(/[ \t]+/).filter((x) => x !== "");
    const fam = parts[0] ?? "";
    if (!NETLINK_FAMILIES.includes(fam) && parseCInteger(fam, false) === void 0) {
      out.push(
        err(
          0,
          value.length,
          `Invalid ListenNetlink= value '${value}': '${fam}' is not a netlink family (e.g. route, audit, kobject-uevent); expected FAMILY [GROUP].`
        )
      );
    } else if (parts.length > 2 || parts[1] !== void 0 && (!/^[0-9]+$/.test(parts[1]) || Number(parts[1]) > 4294967295)) {
      out.push(
        err(
          0,
          value.length,
          `Invalid ListenNetlink= value '${value}': expected FAMILY [GROUP] with a numeric multicast group.`
        )
      );
    }
    return out;
  }
  const reason = socketAddressProblem(s);
  if (reason) {
    out.push(err(0, value.length, `Invalid ${ctx.directive}= address '${value}': ${reason}.`));
    return out;
  }
  if (ctx.directive === "ListenSequentialPacket" && !(s.startsWith("/") || s.startsWith("@"))) {
    out.push(
      err(
        0,
        value.length,
        `ListenSequentialPacket= supports only AF_UNIX sockets (/path or @abstract), not '${value}'.`
      )
    );
  }
  return out;
}
function ipPrefixProblem(w) {
  if (IP_KEYWORDS.includes(w)) return void 0;
  const slash = w.indexOf("/");
  const addr = slash >= 0 ? w.slice(0, slash) : w;
  const v4 = isIPv42(addr);
  const v6 = !v4 && isIPv62(addr);
  if (!v4 && !v6) return `'${addr}' is not an IP address`;
  if (slash >= 0) {
    const p = w.slice(slash + 1);
    if (!/^[0-9]+$/.test(p)) return `'${p}' is not a prefix length`;
    const max = v4 ? 32 : 128;
    if (Number(p) > max) return `prefix length ${p} is larger than ${max}`;
  }
  return void 0;
}
function validateIpAddressList(value, ctx) {
  if (value === "") return [];
  const { words: words4, error } = splitWords(value, { unquote: true });
  if (error) return [err(error.start, error.end, `${error.message}.`)];
  const out = [];
  for (const w of words4) {
    const reason = ipPrefixProblem(w.text);
    if (reason)
      out.push(
        err(
          w.start,
          w.end,
          `Invalid ${ctx.directive}= entry '${w.text}': ${reason}; expected ADDRESS[/PREFIXLEN], any, localhost, link-local or multicast.`
        )
      );
  }
  return out;
}
var NETLINK_FAMILIES, SUN_PATH_MAX, IP_KEYWORDS;
var init_socketAddress = __esm({
  "server/src/values/socketAddress.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    init_numbers();
    NETLINK_FAMILIES = [
      "route",
      "firewall",
      "inet-diag",
      "nflog",
      "xfrm",
      "selinux",
      "iscsi",
      "audit",
      "fib-lookup",
      "connector",
      "netfilter",
      "ip6-fw",
      "dnrtmsg",
      "kobject-uevent",
      "generic",
      "scsitransport",
      "ecryptfs",
      "rdma"
    ];
    SUN_PATH_MAX = 108;
    IP_KEYWORDS = ["any", "localhost", "link-local", "multicast"];
  }
});

// server/src/values/capability.ts
function suggestCapability(name, names) {
  const upper = name.toUpperCase();
  const withPrefix = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
  const alias = CAP_ALIASES[withPrefix];
  if (alias && names.includes(alias)) return alias;
  if (names.includes(withPrefix)) return withPrefix;
  const sysForm = withPrefix.replace(/^CAP_/, "CAP_SYS_");
  if (names.includes(sysForm)) return sysForm;
  return suggestEnum(withPrefix, names);
}
function validateCapabilityList(value, ctx) {
  if (value === "") return [];
  const names = ctx.enumValues.filter((v) => !v.startsWith("<"));
  const upper = new Set(names.map((n) => n.toUpperCase()));
  let text = value;
  let off2 = 0;
  if (text.startsWith("~")) {
    text = text.slice(1);
    off2 = 1;
  }
  const { words: words4, error } = splitWords(text, { unquote: true });
  const out = [];
  if (error) return [err(error.start + off2, error.end + off2, `${error.message}.`)];
  for (const w of words4) {
    const t2 = w.text;
    if (upper.has(t2.toUpperCase())) continue;
    if (/^[0-9]+$/.test(t2)) {
      if (Number(t2) > CAP_LIMIT)
        out.push(
          warn(
            w.start + off2,
            w.end + off2,
            `Capability number ${t2} is out of range (0..${CAP_LIMIT}); systemd silently drops it.`
          )
        );
      continue;
    }
    const start = w.start + off2, end = w.end + off2;
    if (t2.includes(",")) {
      out.push(warn(start, end, `Capabilities are separated by spaces, not commas: systemd silently drops '${t2}'.`));
      continue;
    }
    const sug = suggestCapability(t2, names);
    out.push(
      suggesting(
        warn(
          start,
          end,
          `Unknown capability '${t2}': systemd silently drops it${sug ? `; did you mean '${sug}'?` : "."}`,
          "unknown-capability"
        ),
        sug
      )
    );
  }
  return out;
}
var CAP_LIMIT, CAP_ALIASES;
var init_capability = __esm({
  "server/src/values/capability.ts"() {
    "use strict";
    init_util();
    init_enum();
    CAP_LIMIT = 62;
    CAP_ALIASES = {
      CAP_RAWIO: "CAP_SYS_RAWIO",
      CAP_ADMIN: "CAP_SYS_ADMIN",
      CAP_PTRACE: "CAP_SYS_PTRACE",
      CAP_NICE: "CAP_SYS_NICE",
      CAP_RESOURCE: "CAP_SYS_RESOURCE",
      CAP_TIME: "CAP_SYS_TIME",
      CAP_MODULE: "CAP_SYS_MODULE",
      CAP_CHROOT: "CAP_SYS_CHROOT",
      CAP_BOOT: "CAP_SYS_BOOT",
      CAP_BIND_SERVICE: "CAP_NET_BIND_SERVICE"
    };
  }
});

// server/src/values/environment.ts
function isEnvName(s) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && s.length <= 4096;
}
function envNameOk(name, expands) {
  if (isEnvName(name)) return true;
  if (!expands || !/%[A-Za-z0-9]/.test(name)) return false;
  return isEnvName(name.replace(/%(%|[A-Za-z0-9])/g, (_m, c) => c === "%" ? "%" : "x"));
}
function isJournalFieldName(s) {
  return s.length > 0 && s.length <= 64 && /^[A-Z][A-Z0-9_]*$/.test(s);
}
function validateEnvironment(value, ctx) {
  if (value === "") return [];
  const out = [...checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0)];
  const { words: words4, error } = splitWords(value, { unquote: true, cunescape: true });
  if (error) {
    out.push(err(error.start, error.end, `${error.message}; systemd ignores the rest of the line.`));
  }
  const journal = ctx.parser === "config_parse_log_extra_fields";
  const expands = specifierContextFor(ctx) !== "none";
  for (const w of words4) {
    const eq = w.text.indexOf("=");
    if (eq < 0) {
      out.push(
        err(
          w.start,
          w.end,
          journal ? `Log field '${w.text}' lacks '=': expected FIELD=value.` : `'${w.text}' is not an assignment: expected NAME=value (quote values that contain spaces, e.g. "A=two words").`
        )
      );
      continue;
    }
    const name = w.text.slice(0, eq);
    if (journal) {
      if (!isJournalFieldName(name)) {
        out.push(
          err(
            w.start,
            w.end,
            `Invalid journal field name '${name}': use upper-case letters, digits and '_' (not first), at most 64 characters.`
          )
        );
      }
    } else if (!envNameOk(name, expands)) {
      out.push(
        err(
          w.start,
          w.end,
          `Invalid environment variable name '${name}': use letters, digits and '_', not starting with a digit.`
        )
      );
    }
  }
  return out;
}
function validateEnvNameList(value, ctx) {
  if (value === "") return [];
  const out = [...checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0)];
  const { words: words4, error } = splitWords(value, { unquote: true, cunescape: true });
  if (error) out.push(err(error.start, error.end, `${error.message}.`));
  const unset = ctx.parser === "config_parse_unset_environ";
  const expands = specifierContextFor(ctx) !== "none";
  for (const w of words4) {
    const t2 = w.text;
    const eq = t2.indexOf("=");
    if (unset && eq >= 0) {
      if (!envNameOk(t2.slice(0, eq), expands))
        out.push(
          err(
            w.start,
            w.end,
            `Invalid environment assignment '${t2}': the name must use letters, digits and '_', not starting with a digit.`
          )
        );
      continue;
    }
    if (!envNameOk(t2, expands)) {
      out.push(
        err(
          w.start,
          w.end,
          `Invalid environment variable name '${t2}': use letters, digits and '_', not starting with a digit${unset ? ", or NAME=VALUE" : ""}.`
        )
      );
    }
  }
  return out;
}
var init_environment = __esm({
  "server/src/values/environment.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
  }
});

// server/src/values/cpuSet.ts
function validateCpuSet(value, ctx) {
  if (value === "") return [];
  const out = checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0);
  if (out.some((p) => p.severity === "error")) return out;
  const keywords2 = ctx.enumValues.filter((v) => !v.startsWith("<"));
  if (keywords2.includes(value)) return out;
  if (hasSpecifier(value)) return out;
  const text = stripSpecifiers(value);
  const re = /[^ \t\n\r,]+/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    const w = m[0];
    const start = m.index, end = start + w.length;
    const dash = w.indexOf("-", 1);
    const a = dash > 0 ? w.slice(0, dash) : w;
    const b = dash > 0 ? w.slice(dash + 1) : void 0;
    const va = parseCInteger(a, false);
    const vb = b === void 0 ? va : parseCInteger(b, false);
    if (va === void 0 || vb === void 0) {
      const kw = keywords2.length ? ` or ${keywords2.map((k) => `'${k}'`).join(", ")}` : "";
      out.push(
        err(
          start,
          end,
          `Invalid CPU/NUMA node list entry '${w}': expected a number or a range such as 0-3${kw}; systemd ignores the whole line.`
        )
      );
      continue;
    }
    if (va > vb) {
      out.push(err(start, end, `Range '${w}' is reversed (${va} > ${vb}); write ${vb}-${va}.`));
      continue;
    }
    if (vb > CPU_MAX) out.push(err(start, end, `CPU/NUMA node number ${vb} is out of range (0..${CPU_MAX}).`));
  }
  return out;
}
var CPU_MAX;
var init_cpuSet = __esm({
  "server/src/values/cpuSet.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    init_numbers();
    CPU_MAX = 8191;
  }
});

// server/src/values/device.ts
function splitDevice(value) {
  let i = 0;
  if (value[0] === '"' || value[0] === "'") {
    const close = value.indexOf(value[0], 1);
    if (close > 0) {
      i = close + 1;
      const path = value.slice(1, close);
      let j2 = i;
      while (j2 < value.length && /\s/.test(value[j2])) j2++;
      return { path, pathEnd: i, rest: value.slice(j2), restStart: j2 };
    }
  }
  while (i < value.length && !/\s/.test(value[i])) i++;
  let j = i;
  while (j < value.length && /\s/.test(value[j])) j++;
  return { path: value.slice(0, i), pathEnd: i, rest: value.slice(j), restStart: j };
}
function devicePathProblem(path, allowClasses) {
  const p = stripSpecifiers(path);
  if (allowClasses) {
    if (p.startsWith("block-") || p.startsWith("char-")) return void 0;
    if (hasSpecifier(path) && !path.startsWith("/")) return void 0;
    const simple = p.startsWith("/") ? p.split("/").filter((c) => c !== "" && c !== ".") : [];
    if (simple.includes("..")) return `'${path}' is not a normalized path ('..' is not allowed)`;
    const norm = `/${simple.join("/")}`;
    if (norm === "/dev" || norm.startsWith("/dev/") || norm.startsWith("/run/systemd/inaccessible/")) return void 0;
    return `'${path}' is neither a device node under /dev/ nor a block-/char- class`;
  }
  if (p.startsWith("/dev/") || p.startsWith("/sys/") || p.startsWith("/run/systemd/inaccessible/")) return void 0;
  if (p.startsWith("/")) return void 0;
  return `'${path}' is not an absolute device path`;
}
function validateDeviceAllow(value, ctx) {
  if (value === "") return [];
  const { path, pathEnd, rest: rest2, restStart } = splitDevice(value);
  const out = checkSpecifiers(path, specifierContextFor(ctx), ctx.targetVersion, 0);
  const reason = devicePathProblem(path, true);
  if (reason) out.push(err(0, pathEnd, `Invalid DeviceAllow= device: ${reason}.`));
  const letters = ctx.enumValues.filter((v) => !v.startsWith("<"));
  const allowed = letters.length ? letters : ["r", "w", "m"];
  if (rest2 !== "") {
    if (/\s/.test(rest2.trim())) {
      out.push(
        err(restStart, value.length, `DeviceAllow= takes one device and one access string; '${rest2}' is not valid.`)
      );
    } else {
      for (let i = 0; i < rest2.length; i++) {
        if (!allowed.includes(rest2[i])) {
          out.push(
            err(
              restStart,
              value.length,
              `Invalid device access '${rest2}': use the letters ${allowed.join(", ")} (e.g. rw).`
            )
          );
          break;
        }
      }
    }
  }
  return out;
}
function validateDeviceIo(value, ctx) {
  if (value === "") return [];
  const { path, pathEnd, rest: rest2, restStart } = splitDevice(value);
  const out = checkSpecifiers(path, specifierContextFor(ctx), ctx.targetVersion, 0);
  const reason = devicePathProblem(path, false);
  if (reason) out.push(err(0, pathEnd, `Invalid ${ctx.directive}= device: ${reason}.`));
  const d = ctx.directive;
  if (rest2 === "") {
    out.push(
      err(
        0,
        value.length,
        `${d}= needs a device and a value, e.g. '/dev/sda ${ctx.parser === "config_parse_io_device_weight" ? "100" : ctx.parser === "config_parse_io_device_latency" ? "25ms" : "10M"}'.`
      )
    );
    return out;
  }
  const rs = restStart, re = value.length;
  switch (ctx.parser) {
    case "config_parse_io_device_weight": {
      const v = parseCInteger(rest2, false);
      if (v === void 0 || v < 1 || v > 1e4)
        out.push(err(rs, re, `Invalid IO weight '${rest2}': expected 1..10000.`));
      break;
    }
    case "config_parse_io_device_latency": {
      const r = parseTimespan(rest2);
      if ("error" in r)
        out.push(err(rs, re, `Invalid latency '${rest2}': ${r.error}; expected a time span such as 25ms.`));
      break;
    }
    default: {
      if (rest2 === "infinity") break;
      const r = parseBytes(rest2, 1e3);
      if ("error" in r)
        out.push(
          err(
            rs,
            re,
            `Invalid IO limit '${rest2}': ${r.error}; expected a number with the base-1000 suffixes K, M, G, T (e.g. 10M), or 'infinity'.`
          )
        );
      else if (r.bytes === 0)
        out.push(err(rs, re, `IO limit '${rest2}' must be greater than 0; use 'infinity' for no limit.`));
      break;
    }
  }
  return out;
}
var init_device = __esm({
  "server/src/values/device.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    init_bytes2();
    init_timespan();
    init_numbers();
  }
});

// server/src/values/limit.ts
function resourceOf(directive) {
  return directive.replace(/^Default/, "").replace(/^Limit/, "");
}
function parseOne(text, resource) {
  if (text === "infinity") return { v: Infinity };
  if (resource === "CPU") {
    const r = parseTimespan(text, 1e6);
    if ("error" in r) return { error: `${r.error} (expected seconds or a time span such as 1h)` };
    return { v: r.usec === "infinity" ? Infinity : Math.ceil(r.usec / 1e6) };
  }
  if (resource === "RTTIME") {
    const r = parseTimespan(text, 1);
    if ("error" in r) return { error: `${r.error} (expected microseconds or a time span such as 1s)` };
    return { v: r.usec === "infinity" ? Infinity : r.usec };
  }
  if (BYTE_LIMITS.has(resource)) {
    const r = parseBytes(text, 1024);
    if ("error" in r) return { error: `${r.error} (expected a size such as 8M)` };
    return { v: r.bytes };
  }
  if (resource === "NICE") {
    const m = /^([+-])([0-9]+)$/.exec(text);
    if (m) {
      const n = Number(m[2]) * (m[1] === "-" ? -1 : 1);
      if (n < -20 || n > 19) return { error: "a nice value must be between -20 and +19" };
      return { v: 20 - n };
    }
    if (/^[0-9]+$/.test(text)) {
      const n = Number(text);
      if (n > 40) return { error: "a raw RLIMIT_NICE value must be between 0 and 40 (or use +N/-N nice values)" };
      return { v: n };
    }
    return { error: "expected a nice value such as -5 or +5, or a raw value 0..40" };
  }
  if (!/^[0-9]+$/.test(text)) return { error: "expected a non-negative number" };
  if (BigInt(text) >= 18446744073709551615n) return { error: "the value is out of range" };
  return { v: Number(text) };
}
function validateLimit(value, ctx) {
  if (value === "") return [err(0, 0, `${ctx.directive}= cannot be empty; give a value or 'infinity'.`)];
  const resource = resourceOf(ctx.directive);
  const colon = value.indexOf(":");
  const soft = colon >= 0 ? value.slice(0, colon) : value;
  const hard = colon >= 0 ? value.slice(colon + 1) : void 0;
  const out = [];
  const a = parseOne(soft, resource);
  if ("error" in a) out.push(err(0, soft.length, `Invalid ${ctx.directive}= value '${soft}': ${a.error}.`));
  let b;
  if (hard !== void 0) {
    b = parseOne(hard, resource);
    if ("error" in b)
      out.push(err(colon + 1, value.length, `Invalid ${ctx.directive}= hard limit '${hard}': ${b.error}.`));
  }
  if (out.length === 0 && b && "v" in a && "v" in b && a.v > b.v) {
    out.push(
      err(0, value.length, `Soft limit ${soft} is higher than the hard limit ${hard}; use SOFT:HARD with SOFT \u2264 HARD.`)
    );
  }
  return out;
}
var BYTE_LIMITS;
var init_limit = __esm({
  "server/src/values/limit.ts"() {
    "use strict";
    init_util();
    init_bytes2();
    init_timespan();
    BYTE_LIMITS = /* @__PURE__ */ new Set(["FSIZE", "DATA", "STACK", "CORE", "RSS", "AS", "MEMLOCK", "MSGQUEUE"]);
  }
});

// server/src/values/user.ts
function userNameProblem(name) {
  if (name === "") return "the name is empty";
  if (/^[0-9]+$/.test(name)) {
    const v = Number(name);
    if (v >= 4294967295) return "the numeric ID is out of range (0..4294967294)";
    if (v === 65535) return "the numeric ID 65535 is reserved (16-bit -1)";
    return void 0;
  }
  if (/^-[0-9]+$/.test(name)) return "negative numbers are not valid IDs";
  if (name === "." || name === "..") return `'${name}' is not a valid name`;
  if (hasControlChars(name)) return "the name contains control characters";
  if (/[:/]/.test(name)) return "the name contains ':' or '/'";
  if (/^\s|\s$/.test(name)) return "the name starts or ends with whitespace";
  return void 0;
}
function checkName(raw, text, start, end, ctx) {
  const out = checkSpecifiers(raw, specifierContextFor(ctx), ctx.targetVersion, start);
  if (out.some((p) => p.severity === "error")) return out;
  const reason = userNameProblem(stripSpecifiers(text));
  if (reason)
    out.push(
      err(start, end, `Invalid user/group name or numeric ID '${text}': ${reason}; systemd refuses to load the unit.`)
    );
  return out;
}
function validateUser(value, ctx) {
  if (value === "") return [];
  if (ctx.parser === "config_parse_user_group_strv_compat") {
    const { words: words4, error } = splitWords(value, { unquote: true });
    if (error) return [err(error.start, error.end, `${error.message}.`)];
    const out = [];
    for (const w of words4) out.push(...checkName(w.raw, w.text, w.start, w.end, ctx));
    return out;
  }
  return checkName(value, value, 0, value.length, ctx);
}
var init_user = __esm({
  "server/src/values/user.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
  }
});

// server/src/values/tuple.ts
function credentialNameProblem(name) {
  if (name === "") return "the credential name is empty";
  if (name.length > 255) return "the credential name is longer than 255 characters";
  if (name === "." || name === "..") return `'${name}' is not a valid credential name`;
  if (name.includes("/")) return "a credential name may not contain '/'";
  return void 0;
}
function colonParts(text, base) {
  const out = [];
  let start = 0, cur = "";
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === "\\" && i + 1 < text.length) {
      cur += text[i + 1];
      i++;
      continue;
    }
    if (i === text.length || ch === ":") {
      out.push({ start: base + start, end: base + i, raw: text.slice(start, i), text: cur });
      cur = "";
      start = i + 1;
      continue;
    }
    cur += ch;
  }
  return out;
}
function isBase642(s) {
  const t2 = s.replace(/[ \t\n\r]/g, "");
  return /^[A-Za-z0-9+/]*={0,2}$/.test(t2);
}
function validateTuple(value, ctx) {
  if (value === "") return [];
  const sctx = specifierContextFor(ctx);
  const d = ctx.directive;
  const specs2 = (raw, off2) => checkSpecifiers(raw, sctx, ctx.targetVersion, off2);
  const out = [];
  switch (ctx.parser) {
    case "config_parse_set_credential": {
      const colon = value.indexOf(":");
      if (colon < 0) return [err(0, value.length, `${d}= expects ID:DATA, but there is no ':'.`)];
      const id = value.slice(0, colon);
      out.push(...specs2(id, 0));
      const r = credentialNameProblem(stripSpecifiers(id));
      if (r) out.push(err(0, colon, `Invalid ${d}= credential ID '${id}': ${r}.`));
      if (d.endsWith("Encrypted") && !isBase642(value.slice(colon + 1))) {
        out.push(err(colon + 1, value.length, `${d}= data must be Base64 (as printed by systemd-creds encrypt).`));
      }
      return out;
    }
    case "config_parse_load_credential": {
      out.push(...specs2(value, 0));
      const colon = value.indexOf(":");
      const id = colon < 0 ? value : value.slice(0, colon);
      const r = credentialNameProblem(stripSpecifiers(id));
      if (r) out.push(err(0, id.length, `Invalid ${d}= credential ID '${id}': ${r}.`));
      if (colon >= 0) {
        const src = value.slice(colon + 1);
        const s = stripSpecifiers(src);
        if (s.startsWith("/")) out.push(...validatePathText(src, colon + 1, { directive: d, absolute: true }));
        else {
          const r2 = credentialNameProblem(s);
          if (r2 && s !== "")
            out.push(
              err(
                colon + 1,
                value.length,
                `Invalid ${d}= source '${src}': expected an absolute path or a credential name (${r2}).`
              )
            );
        }
      }
      return out;
    }
    case "config_parse_import_credential": {
      out.push(...specs2(value, 0));
      const colon = value.indexOf(":");
      const glob = colon < 0 ? value : value.slice(0, colon);
      if (stripSpecifiers(glob).includes("/") || glob === "")
        out.push(
          err(0, glob.length, `Invalid ${d}= pattern '${glob}': expected a credential name or glob without '/'.`)
        );
      if (colon >= 0) {
        const r = credentialNameProblem(stripSpecifiers(value.slice(colon + 1)));
        if (r) out.push(err(colon + 1, value.length, `Invalid ${d}= new name: ${r}.`));
      }
      return out;
    }
    case "config_parse_mount_images":
    case "config_parse_extension_images": {
      const { words: words4, error } = splitWords(value, { unquote: true, retainEscape: true });
      if (error) return [err(error.start, error.end, `${error.message}.`)];
      const mount = ctx.parser === "config_parse_mount_images";
      for (const w of words4) {
        out.push(...specs2(w.raw, w.start));
        const base = w.raw.startsWith('"') || w.raw.startsWith("'") ? w.start + 1 : w.start;
        const parts = colonParts(w.text, base);
        let src = parts[0].text;
        let srcOff = parts[0].start;
        if (src.startsWith("-")) {
          src = src.slice(1);
          srcOff++;
        }
        out.push(...clamp(validatePathText(src, srcOff, { directive: d, absolute: true }), w));
        if (mount) {
          const dst = parts[1];
          if (!dst) out.push(err(w.start, w.end, `${d}= expects SOURCE:DESTINATION[:PARTITION:OPTIONS\u2026].`));
          else out.push(...clamp(validatePathText(dst.text, dst.start, { directive: d, absolute: true }), w));
        }
      }
      return out;
    }
    case "config_parse_root_image_options": {
      out.push(...specs2(value, 0));
      const parts = ctx.enumValues.filter((v) => !v.startsWith("<"));
      const { words: words4 } = splitWords(value, { unquote: true });
      for (const w of words4) {
        const colon = w.text.indexOf(":");
        if (colon > 0 && parts.length && !parts.includes(w.text.slice(0, colon))) {
          out.push(
            warn(
              w.start,
              w.start + colon,
              `Unknown partition '${w.text.slice(0, colon)}' in ${d}=: expected one of ${parts.join(", ")}.`
            )
          );
        }
      }
      return out;
    }
    case "config_parse_cgroup_socket_bind": {
      if (value === "any") return [];
      const p = value.split(":");
      let i = 0;
      if (p.length > 1 && (p[0] === "ipv4" || p[0] === "ipv6")) i++;
      if (p.length > i + 1 && (p[i] === "tcp" || p[i] === "udp")) i++;
      const port = p.slice(i).join(":");
      if (port === "any") return [];
      const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(port);
      if (!m || Number(m[1]) > 65535 || m[2] !== void 0 && (Number(m[2]) > 65535 || Number(m[2]) < Number(m[1]))) {
        out.push(
          err(0, value.length, `Invalid ${d}= value '${value}': expected any, or [ipv4|ipv6:][tcp|udp:]PORT[-PORT].`)
        );
      }
      return out;
    }
    case "config_parse_cgroup_nft_set": {
      const { words: words4 } = splitWords(value, { unquote: true });
      for (const w of words4) {
        const p = w.text.split(":");
        if (p.length !== 4 || p.some((x) => x === "")) {
          out.push(err(w.start, w.end, `Invalid ${d}= entry '${w.text}': expected SOURCE:FAMILY:TABLE:SET.`));
        }
      }
      return out;
    }
    case "config_parse_bpf_foreign_program": {
      const colon = value.indexOf(":");
      const types = ctx.enumValues.filter((v) => !v.startsWith("<"));
      if (colon < 0) return [err(0, value.length, `${d}= expects TYPE:PATH (e.g. ingress:/sys/fs/bpf/prog).`)];
      const type = value.slice(0, colon);
      if (types.length && !types.includes(type))
        out.push(err(0, colon, `Unknown BPF attach type '${type}': expected one of ${types.join(", ")}.`));
      const path = value.slice(colon + 1);
      out.push(...specs2(path, colon + 1));
      out.push(...validatePathText(path, colon + 1, { directive: d, absolute: true }));
      return out;
    }
    case "config_parse_open_file": {
      const parts = colonParts(value, 0);
      const opts = ctx.enumValues.filter((v) => !v.startsWith("<"));
      out.push(...validatePathText(parts[0].text, 0, { directive: d, absolute: true }));
      const name = parts[1];
      if (name && name.text !== "") {
        const r = fdNameProblem(name.text);
        if (r) out.push(err(name.start, name.end, `Invalid file descriptor name '${name.text}': ${r}.`));
      }
      const o = parts[2];
      if (o && o.text !== "" && opts.length) {
        let pos = o.start;
        for (const item of o.text.split(",")) {
          if (!opts.includes(item))
            out.push(err(pos, pos + item.length, `Unknown OpenFile= option '${item}': expected ${opts.join(", ")}.`));
          pos += item.length + 1;
        }
      }
      return out;
    }
    default:
      out.push(...specs2(value, 0));
      return out;
  }
}
function clamp(ps, w) {
  return ps.map((p) => ({
    ...p,
    start: Math.max(w.start, Math.min(p.start, w.end)),
    end: Math.max(w.start, Math.min(p.end, w.end))
  }));
}
var init_tuple = __esm({
  "server/src/values/tuple.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    init_paths();
    init_strings();
  }
});

// server/src/values/condition.ts
function stripConditionPrefixes(value) {
  let i = 0;
  let trigger = false, negate = false;
  if (value[i] === "|") {
    trigger = true;
    i++;
    while (value[i] === " " || value[i] === "	") i++;
  }
  if (value[i] === "!") {
    negate = true;
    i++;
    while (value[i] === " " || value[i] === "	") i++;
  }
  return { body: value.slice(i), offset: i, trigger, negate };
}
function typeOf2(directive) {
  return directive.replace(/^(Condition|Assert)/, "");
}
function validateCondition(value, ctx) {
  if (value === "") return [];
  const { body, offset } = stripConditionPrefixes(value);
  const out = checkSpecifiers(body, specifierContextFor(ctx), ctx.targetVersion, offset);
  if (out.some((p) => p.severity === "error")) return out;
  const end = value.length;
  if (body === "") return [...out, err(0, end, `${ctx.directive}= needs a value after the '|'/'!' prefixes.`)];
  const type = typeOf2(ctx.directive);
  if (ctx.parser === "config_parse_unit_condition_path") {
    out.push(
      ...validatePathText(body, offset, { directive: ctx.directive, absolute: true, glob: type.endsWith("Glob") })
    );
    if (type === "NeedsUpdate" && !out.length && ctx.enumValues.length && !ctx.enumValues.includes(body) && !hasSpecifier(body)) {
      out.push(
        warn(
          offset,
          end,
          `${ctx.directive}= supports only ${ctx.enumValues.join(" and ")}; the condition never holds for '${body}'.`
        )
      );
    }
    return out;
  }
  if (hasSpecifier(body)) return out;
  const spec = enumSpec(ctx.enumValues);
  const never = (msg, s = offset, e = end) => warn(s, e, `${msg}; the condition is evaluated as failed (systemd logs an error).`, "condition-never-met");
  switch (type) {
    case "ACPower":
    case "FirstBoot":
      if (parseBoolean(body) === void 0) out.push(never(`'${body}' is not a boolean`));
      return out;
    case "Virtualization":
      if (parseBoolean(body) === void 0 && !spec.literals.includes(body)) {
        const sug = suggestEnum(body, spec.literals);
        out.push(
          suggesting(
            never(`Unknown virtualization technology '${body}'${sug ? ` (did you mean '${sug}'?)` : ""}`),
            sug
          )
        );
      }
      return out;
    case "Architecture":
    case "Security":
      if (spec.literals.length && !spec.literals.includes(body)) {
        const sug = suggestEnum(body, spec.literals);
        out.push(
          suggesting(
            never(
              `Unknown ${type === "Security" ? "security technology" : "architecture"} '${body}'${sug ? ` (did you mean '${sug}'?)` : ""}`
            ),
            sug
          )
        );
      }
      return out;
    case "Capability": {
      const upper = new Set(spec.literals.map((l) => l.toUpperCase()));
      if (spec.literals.length && !upper.has(body.toUpperCase())) {
        const sug = suggestEnum(body.toUpperCase(), spec.literals);
        out.push(suggesting(never(`Unknown capability '${body}'${sug ? ` (did you mean '${sug}'?)` : ""}`), sug));
      }
      return out;
    }
    case "ControlGroupController": {
      const { words: words4 } = splitWords(body);
      for (const w of words4) {
        if (spec.literals.length && !spec.literals.includes(w.text)) {
          out.push(never(`Unknown cgroup controller '${w.text}'`, offset + w.start, offset + w.end));
        }
      }
      return out;
    }
    case "Firmware": {
      if (!/^(uefi|device-tree|device-tree-compatible\(.*\)|smbios-field\(.*\))$/.test(body)) {
        out.push(
          never(
            `Unknown firmware check '${body}': expected uefi, device-tree, device-tree-compatible(VALUE) or smbios-field(FIELD OP VALUE)`
          )
        );
      }
      return out;
    }
    case "CPUs": {
      if (!/^(<=|>=|!=|<|>|=)?\s*[0-9]+$/.test(body))
        out.push(never(`'${body}' is not a CPU count with an optional comparison (e.g. >=4)`));
      return out;
    }
    case "Memory": {
      const m = /^(<=|>=|!=|<|>|=)?\s*(.*)$/.exec(body);
      const rest2 = m[2];
      if (!/%$/.test(rest2) && "error" in parseBytes(rest2, 1024))
        out.push(never(`'${body}' is not a memory size with an optional comparison (e.g. >=2G)`));
      return out;
    }
    default:
      return out;
  }
}
var init_condition = __esm({
  "server/src/values/condition.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    init_bool();
    init_paths();
    init_enum();
    init_bytes2();
  }
});

// server/src/values/calendarTime.ts
function daysBeforeYear(y) {
  const y1 = y - 1;
  const f = (n, d) => Math.floor(n / d);
  return 365 * (y - 1970) + (f(y1, 4) - f(y1, 100) + f(y1, 400)) - (f(1969, 4) - f(1969, 100) + f(1969, 400));
}
function isLeap(y) {
  return y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
}
function ydhms(year, yday, hour, min, sec) {
  return (daysBeforeYear(year + 1900) + yday) * DAY + hour * 3600 + min * 60 + sec;
}
function gmtime(t2, offset = 0, zone = "UTC", isdst = 0) {
  const s = t2 + offset;
  const days = Math.floor(s / DAY);
  let rem = s - days * DAY;
  const hour = Math.floor(rem / 3600);
  rem -= hour * 3600;
  const min = Math.floor(rem / 60);
  const sec = rem - min * 60;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const yday = MON_YDAY[isLeap(y) ? 1 : 0][m - 1] + d - 1;
  const wday = ((days + 4) % 7 + 7) % 7;
  return { sec, min, hour, mday: d, mon: m - 1, year: y - 1900, wday, yday, isdst, gmtoff: offset, zone };
}
function localtime(t2, zone) {
  const { offset, isdst } = zone.offsetAt(t2);
  return gmtime(t2, offset, zone.abbreviationAt(t2), isdst ? 1 : 0);
}
function timegm(tm) {
  const { year, yday } = normalizedYearDay(tm);
  const t2 = ydhms(year, yday, tm.hour, tm.min, tm.sec);
  Object.assign(tm, gmtime(t2));
  return t2;
}
function normalizedYearDay(tm) {
  const monRem = tm.mon % 12;
  const neg = monRem < 0 ? 1 : 0;
  const monYears = Math.trunc(tm.mon / 12) - neg;
  const year = tm.year + monYears;
  const yday = MON_YDAY[isLeap(year + 1900) ? 1 : 0][monRem + 12 * neg] - 1 + tm.mday;
  return { year, yday };
}
function isdstDiffer(a, b) {
  return !a !== !b && a >= 0 && b >= 0;
}
function mktime(tm, zone, state) {
  if (isUtcZone(zone)) {
    const t3 = timegm(tm);
    state.offset = 0;
    return t3;
  }
  const convert = (t3) => localtime(t3, zone);
  let remaining = 6;
  const secRequested = tm.sec;
  const { min, hour, isdst } = tm;
  const { year, yday } = normalizedYearDay(tm);
  let dst2 = 0;
  const off2 = state.offset;
  const sec = Math.min(59, Math.max(0, secRequested));
  const want = ydhms(year, yday, hour, min, sec);
  const t0 = want + off2;
  let t2 = t0, t1 = t0, t22 = t0;
  let cur;
  let found = false;
  for (; ; ) {
    cur = convert(t2);
    const dt = want - ydhms(cur.year, cur.yday, cur.hour, cur.min, cur.sec);
    if (dt === 0) break;
    const curDst = cur.isdst !== 0 ? 1 : 0;
    if (t2 === t1 && t2 !== t22 && (cur.isdst < 0 || (isdst < 0 ? dst2 <= curDst : (isdst !== 0 ? 1 : 0) !== curDst))) {
      found = true;
      break;
    }
    if (--remaining === 0) return -1;
    t1 = t22;
    t22 = t2;
    t2 += dt;
    dst2 = curDst;
  }
  if (!found && isdstDiffer(isdst, cur.isdst)) {
    const stride = 601200;
    const durationMax = 536454e3;
    const deltaBound = durationMax / 2 + stride;
    let ok = false;
    search: for (let delta = stride; delta < deltaBound; delta += stride) {
      for (let direction = -1; direction <= 1; direction += 2) {
        const ot = t2 + delta * direction;
        const otm = convert(ot);
        if (!isdstDiffer(isdst, otm.isdst)) {
          const gt = ot + (want - ydhms(otm.year, otm.yday, otm.hour, otm.min, otm.sec));
          cur = convert(gt);
          t2 = gt;
          ok = true;
          break search;
        }
      }
    }
    if (!ok) return -1;
  }
  state.offset = t2 - t0 + off2;
  if (secRequested !== cur.sec) {
    const adj = (sec === 0 && cur.sec === 60 ? 1 : 0) - sec + secRequested;
    t2 += adj;
    cur = convert(t2);
  }
  Object.assign(tm, cur);
  return t2;
}
function formatterFor(name) {
  return formatters.get(name, () => {
    try {
      return new Intl.DateTimeFormat("en-US", {
        timeZone: name,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        era: "short"
      });
    } catch {
      return null;
    }
  });
}
function intlOffset(fmt, t2) {
  const parts = fmt.formatToParts(new Date(t2 * 1e3));
  const v = {};
  for (const p of parts) v[p.type] = p.value;
  let y = Number(v.year);
  if (v.era === "BC" || v.era === "B") y = 1 - y;
  const mon0 = Number(v.month) - 1;
  const days = daysBeforeYear(y) + MON_YDAY[isLeap(y) ? 1 : 0][mon0] + Number(v.day) - 1;
  return days * DAY + Number(v.hour) % 24 * 3600 + Number(v.minute) * 60 + Number(v.second) - t2;
}
function isUtcZone(z) {
  return z === UTC_ZONE;
}
function numericAbbreviation(offset) {
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  const h = Math.floor(a / 3600), m = Math.floor(a % 3600 / 60), s = a % 60;
  const two = (n) => String(n).padStart(2, "0");
  return `${sign}${two(h)}${m || s ? two(m) : ""}${s ? two(s) : ""}`;
}
function timeZoneByName(name) {
  return zones.get(name, () => {
    if (UTC_NAMES.has(name)) return UTC_ZONE;
    const plain = name.startsWith("posix/") ? name.slice(6) : name;
    const fmt = formatterFor(plain);
    if (!fmt) return null;
    const offsetAt2 = (t2) => offsets.get(`${plain}\0${t2}`, () => intlOffset(fmt, t2));
    const standard = new BoundedCache({ max: 512, ttlMs: Infinity });
    const standardOffset = (t2) => {
      const y = gmtime(t2).year + 1900;
      return standard.get(y, () => {
        const jan = daysBeforeYear(y) * DAY;
        const jul = (daysBeforeYear(y) + 181) * DAY;
        return Math.min(offsetAt2(jan), offsetAt2(jul));
      });
    };
    const info = (t2) => {
      const offset = offsetAt2(t2);
      return { offset, isdst: offset > standardOffset(t2) };
    };
    const abbreviationAt = (t2) => {
      const offset = offsetAt2(t2);
      for (const locale of ABBREVIATION_LOCALES) {
        const f = abbreviationFormatters.get(
          `${locale}\0${plain}`,
          () => new Intl.DateTimeFormat(locale, { timeZone: plain, timeZoneName: "short" })
        );
        const abbr = f.formatToParts(new Date(t2 * 1e3)).find((p) => p.type === "timeZoneName")?.value ?? "";
        if (/^[A-Z]{2,6}$/.test(abbr) && !(abbr === "GMT" && offset !== 0)) return abbr;
      }
      return numericAbbreviation(offset);
    };
    const zone = {
      name,
      offsetAt: info,
      abbreviationAt,
      tzname: (now) => {
        const y = gmtime(now).year + 1900;
        const jan = daysBeforeYear(y) * DAY, jul = (daysBeforeYear(y) + 181) * DAY;
        const a = info(jan), b = info(jul);
        const std = a.isdst ? b : a, dst = a.isdst ? a : b.isdst ? b : void 0;
        const stdAbbr = abbreviationAt(std === a ? jan : jul);
        return [stdAbbr, dst ? abbreviationAt(dst === a ? jan : jul) : stdAbbr];
      }
    };
    return zone;
  }) ?? void 0;
}
function engineZoneIsUtc() {
  const samples = [0, 17672256e5, 1782864e6, Date.now()];
  if (samples.some((t2) => new Date(t2).getTimezoneOffset() !== 0)) return false;
  return (/* @__PURE__ */ new Date(0)).toString().endsWith("(Coordinated Universal Time)");
}
function defaultLocalZone() {
  const tz = process.env.TZ;
  if (localZoneName === void 0 || localZoneName.tz !== tz) {
    let name = "UTC";
    try {
      if (!engineZoneIsUtc()) name = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    } catch {
    }
    localZoneName = { tz, name };
  }
  return timeZoneByName(localZoneName.name) ?? UTC_ZONE;
}
function timeZoneNameValid(name, fileExists) {
  if (name === "") return false;
  if (name === "UTC") return true;
  if (!/^[A-Za-z0-9_+/-]+$/.test(name) || name.startsWith("/") || name.endsWith("/") || name.includes("//"))
    return false;
  if (fileExists) return fileExists(name);
  if (name.startsWith("posix/") || name.startsWith("right/")) return false;
  const fmt = formatterFor(name);
  if (!fmt) return false;
  const resolved = fmt.resolvedOptions().timeZone;
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved === name || UTC_NAMES.has(name);
  return name.split("/").every((seg) => /^[A-Z0-9]/.test(seg));
}
var DAY, MON_YDAY, formatters, abbreviationFormatters, offsets, zones, ABBREVIATION_LOCALES, UTC_NAMES, UTC_ZONE, localZoneName;
var init_calendarTime = __esm({
  "server/src/values/calendarTime.ts"() {
    "use strict";
    init_cache();
    DAY = 86400;
    MON_YDAY = [
      [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
      [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366]
    ];
    formatters = new BoundedCache({ max: 256, ttlMs: Infinity });
    abbreviationFormatters = new BoundedCache({ max: 256, ttlMs: Infinity });
    offsets = new BoundedCache({ max: 2e4, ttlMs: Infinity });
    zones = new BoundedCache({ max: 256, ttlMs: Infinity });
    ABBREVIATION_LOCALES = ["en-US", "en-CA", "en-GB", "en-ZA", "en-AU", "en-IN"];
    UTC_NAMES = /* @__PURE__ */ new Set(["UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"]);
    UTC_ZONE = {
      name: "UTC",
      offsetAt: () => ({ offset: 0, isdst: false }),
      abbreviationAt: () => "UTC",
      tzname: () => ["UTC", "UTC"]
    };
  }
});

// server/src/values/calendarSpec.ts
function fail(reason, errno = "EINVAL") {
  throw new ParseFailure(errno, reason);
}
function parseWeekdays(p, c) {
  let l = -1;
  let first = true;
  for (; ; ) {
    let matched;
    for (const d of DAY_NAMES) {
      if (asciiLower(p.s.slice(p.i, p.i + d[0].length)) !== asciiLower(d[0])) continue;
      const next = p.at(d[0].length);
      if (!["", "-", ".", ",", " "].includes(next)) {
        const word = /^[^ ,.-]*/.exec(p.s.slice(p.i))[0];
        fail(`${quote2(word)} is not a weekday (Mon, Tuesday, \u2026 Sun)`);
      }
      c.weekdaysBits |= 1 << d[1];
      if (l >= 0) {
        if (l > d[1])
          fail(`the weekday range ${WEEKDAY_SHORT[l]}..${WEEKDAY_SHORT[d[1]]} goes backwards (weeks start on Monday)`);
        for (let j = l + 1; j < d[1]; j++) c.weekdaysBits |= 1 << j;
      }
      p.i += d[0].length;
      matched = d;
      break;
    }
    if (!matched) {
      if (first) return;
      fail(`expected a weekday at ${rest(p.s, p.i)}`);
    }
    if (p.at() === "") return;
    if (p.at() === " ") {
      p.skipSpaces();
      return;
    }
    if (p.at() === ".") {
      if (l >= 0) fail("a weekday range has more than two ends");
      if (p.at(1) !== ".") fail("a weekday range is written with '..' (Mon..Fri)");
      l = matched[1];
      p.i += 2;
    } else if (p.at() === "-") {
      if (l >= 0) fail("a weekday range has more than two ends");
      l = matched[1];
      p.i += 1;
    } else if (p.at() === ",") {
      l = -1;
      p.i += 1;
    }
    if (p.at() === "" || p.at() === " ") {
      p.skipSpaces();
      if (l >= 0) fail("the weekday range has no end");
      return;
    }
    first = false;
  }
}
function parseFraction(p) {
  let val = 0;
  let i = 0;
  for (; i < 6; i++) {
    const ch2 = p.at();
    if (!isDigit2(ch2)) {
      if (i === 0) fail(`expected digits after the decimal point at ${rest(p.s, p.i)}`);
      for (; i < 6; i++) val *= 10;
      break;
    }
    val = val * 10 + (ch2.charCodeAt(0) - 48);
    p.i++;
  }
  const ch = p.at();
  if (ch >= "5" && ch <= "9" && ch !== "") val++;
  while (isDigit2(p.at())) p.i++;
  return val;
}
function parseDecimal(p, usec, what) {
  if (!isDigit2(p.at())) fail(`expected a number or '*' for the ${what} at ${rest(p.s, p.i)}`);
  const m = /^[0-9]+/.exec(p.s.slice(p.i))[0];
  p.i += m.length;
  let value = Number(m);
  if (m.length > 20 || BigInt(m) > 0xffffffffffffffffn) fail(`${m} is too large`, "ERANGE");
  if (usec) {
    if (value > 18446744073709) fail(`${m} is too large`, "ERANGE");
    value *= USEC_PER_SEC2;
    if (p.at() === "." && p.at(1) !== ".") {
      p.i++;
      value += parseFraction(p);
    }
  }
  if (value > INT_MAX) fail(`${m} is too large`, "ERANGE");
  return value;
}
function prependComponent(p, usec, what, chain) {
  for (let nesting = 0; ; nesting++) {
    if (nesting > COMPONENTS_MAX) fail(`the ${what} list has more than ${COMPONENTS_MAX + 1} items`, "ENOBUFS");
    const start = parseDecimal(p, usec, what);
    let stop = -1;
    let repeat = 0;
    if (p.at() === "." && p.at(1) === ".") {
      p.i += 2;
      stop = parseDecimal(p, usec, what);
      repeat = usec ? USEC_PER_SEC2 : 1;
    }
    if (p.at() === "/") {
      p.i++;
      repeat = parseDecimal(p, usec, what);
      if (repeat === 0) fail(`the ${what} repetition /0 never advances`, "ERANGE");
    } else {
      if (start > INT_MAX - repeat) fail(`${start} is too large`, "ERANGE");
      if (usec && stop >= 0 && start + repeat > stop)
        fail(
          `the seconds range ${fmtUsec(start)}..${fmtUsec(stop)} is shorter than its 1 s step; add a repetition (/0.5)`
        );
    }
    if (!["", " ", ",", "-", "~", ":"].includes(p.at())) fail(`unexpected ${rest(p.s, p.i)} in the ${what}`);
    chain.unshift({ start, stop, repeat });
    if (p.at() !== ",") return;
    p.i++;
  }
}
function fmtUsec(v) {
  return v % USEC_PER_SEC2 ? (v / USEC_PER_SEC2).toString() : String(v / USEC_PER_SEC2);
}
function parseChain(p, usec, what) {
  if (p.at() === "*") {
    p.i++;
    return usec ? [{ start: 0, stop: -1, repeat: USEC_PER_SEC2 }] : null;
  }
  const chain = [];
  prependComponent(p, usec, what, chain);
  return chain;
}
function parseDate(p, c) {
  if (p.at() === "") return false;
  if (p.at() === "@") {
    const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)/.exec(p.s.slice(p.i + 1));
    if (!m) fail(`expected seconds since the epoch after '@'`);
    let v = BigInt(m[2]);
    if (v > 0xffffffffffffffffn) fail(`${m[2]} is too large`, "ERANGE");
    if (m[1] === "-") v = (0x10000000000000000n - v) % 0x10000000000000000n;
    const signed = v >= 0x8000000000000000n ? v - 0x10000000000000000n : v;
    p.i += 1 + m[0].length;
    fromTimeT(c, signed);
    return true;
  }
  const t2 = new Cursor(p.s, p.i);
  const first = parseChain(t2, false, "year or month");
  if (t2.at() === "" || t2.at() === ":") return false;
  if (t2.at() === "~") c.endOfMonth = true;
  else if (t2.at() !== "-") fail(`a date is written YYYY-MM-DD or MM-DD; unexpected ${rest(t2.s, t2.i)}`);
  t2.i++;
  const second = parseChain(t2, false, "month or day");
  if (t2.at() === "" || t2.at() === " ") {
    t2.skipSpaces();
    p.i = t2.i;
    c.month = first;
    c.day = second;
    return false;
  }
  if (c.endOfMonth) fail("'~' (days from the end of the month) can only stand between the month and the day");
  if (t2.at() === "~") c.endOfMonth = true;
  else if (t2.at() !== "-") fail(`unexpected ${rest(t2.s, t2.i)} in the date`);
  t2.i++;
  const third = parseChain(t2, false, "day");
  if (!(t2.at() === "" || t2.at() === " ")) fail(`unexpected ${rest(t2.s, t2.i)} after the date`);
  t2.skipSpaces();
  p.i = t2.i;
  c.year = first;
  c.month = second;
  c.day = third;
  return false;
}
function fromTimeT(c, t2) {
  const years = t2 / 31556952n;
  if (years > BigInt(INT_MAX - 1900 - 1970) || years < -BigInt(INT_MAX))
    fail("the timestamp is out of range", "ERANGE");
  const tm = gmtime(Number(t2));
  c.year = [{ start: tm.year + 1900, stop: -1, repeat: 0 }];
  c.month = [{ start: tm.mon + 1, stop: -1, repeat: 0 }];
  c.day = [{ start: tm.mday, stop: -1, repeat: 0 }];
  c.hour = [{ start: tm.hour, stop: -1, repeat: 0 }];
  c.minute = [{ start: tm.min, stop: -1, repeat: 0 }];
  c.microsecond = [{ start: tm.sec * USEC_PER_SEC2, stop: -1, repeat: 0 }];
  c.utc = true;
}
function parseTime(p, c) {
  const zero = () => [{ start: 0, stop: -1, repeat: 0 }];
  if (p.at() === "") {
    c.hour = zero();
    c.minute = zero();
    c.microsecond = zero();
    return;
  }
  const h = parseChain(p, false, "hour");
  if (p.at() !== ":")
    fail(
      p.at() === "" ? "a time needs hours and minutes (HH:MM)" : `a time is written HH:MM[:SS]; unexpected ${rest(p.s, p.i)}`
    );
  p.i++;
  const m = parseChain(p, false, "minute");
  if (p.at() === "") {
    c.hour = h;
    c.minute = m;
    c.microsecond = zero();
    return;
  }
  if (p.at() !== ":") fail(`unexpected ${rest(p.s, p.i)} after the minutes`);
  p.i++;
  const s = parseChain(p, true, "second");
  if (p.at() !== "") fail(`unexpected ${rest(p.s, p.i)} after the time`);
  c.hour = h;
  c.minute = m;
  c.microsecond = s;
}
function normalizeChain(chain) {
  if (!chain) return null;
  for (const i of chain) {
    if (i.stop > i.start && i.repeat > 0) i.stop -= (i.stop - i.start) % i.repeat;
    if (i.stop > i.start && i.repeat > 0 && i.start + i.repeat > i.stop || i.start === i.stop) {
      i.repeat = 0;
      i.stop = -1;
    }
  }
  if (chain.length <= 1) return chain;
  const sorted = [...chain].sort((a, b) => a.start - b.start || a.stop - b.stop || a.repeat - b.repeat);
  return sorted.filter(
    (x, k) => k === 0 || !(x.start === sorted[k - 1].start && x.stop === sorted[k - 1].stop && x.repeat === sorted[k - 1].repeat)
  );
}
function fixYear(chain) {
  for (const c of chain ?? []) {
    if (c.start >= 0 && c.start < 70) c.start += 2e3;
    if (c.stop >= 0 && c.stop < 70) c.stop += 2e3;
    if (c.start >= 70 && c.start < 100) c.start += 1900;
    if (c.stop >= 70 && c.stop < 100) c.stop += 1900;
  }
}
function chainProblem(chain, from, to, endOfMonth, what, usec) {
  if (!chain) return void 0;
  const show = (v) => usec ? fmtUsec(v) : String(v);
  const range = `${show(from)}\u2013${show(to)}`;
  if (endOfMonth) to -= 3;
  for (const c of chain) {
    if (c.start < from || c.start > to) {
      return endOfMonth ? `the day ${show(c.start)} from the end of the month is out of range (1\u201328 with '~')` : `the ${what} ${show(c.start)} is out of range (${range})`;
    }
    if (c.repeat > to - from)
      return `the ${what} repetition /${show(c.repeat)} is larger than the ${what} range (${range})`;
    if (c.stop >= 0) {
      if (c.stop < from || c.stop > to)
        return `the ${what} ${show(c.stop)} is out of range (${endOfMonth ? "1\u201328 with ~" : range})`;
      if (c.start + c.repeat > c.stop)
        return `the ${what} range ${show(c.start)}..${show(c.stop)} is empty or backwards`;
    } else {
      if (endOfMonth && c.start - c.repeat < from)
        return `the repetition /${show(c.repeat)} from day ${show(c.start)} before the end of the month never happens`;
      if (!endOfMonth && c.start + c.repeat > to)
        return `the ${what} ${show(c.start)}/${show(c.repeat)} never repeats within ${range}; write ${show(c.start)} alone`;
    }
  }
  return void 0;
}
function parseCalendarSpec(text, opts = {}) {
  const c = {
    weekdaysBits: 0,
    endOfMonth: false,
    utc: false,
    dst: -1,
    timezone: null,
    year: null,
    month: null,
    day: null,
    hour: null,
    minute: null,
    microsecond: null
  };
  const localZone = opts.localZone ?? defaultLocalZone();
  try {
    let p = text;
    if (p.length >= 4 && asciiLower(p.slice(-4)) === " utc") {
      c.utc = true;
      p = p.slice(0, -4);
    } else {
      const tzname = localZone.tzname(Math.floor((opts.nowUsec ?? 0) / USEC_PER_SEC2) || 1767225600);
      let found = -1;
      for (let j = 0; j <= 1; j++) {
        const name = tzname[j];
        if (name === "") continue;
        const e = p.length - name.length;
        if (e < 0 || asciiLower(p.slice(e)) !== asciiLower(name)) continue;
        if (e === 0) continue;
        if (p[e - 1] !== " ") continue;
        found = j;
        p = p.slice(0, e - 1);
        break;
      }
      if (found >= 0) c.dst = found;
      else {
        const lastSpace = p.lastIndexOf(" ");
        if (lastSpace >= 0 && timeZoneNameValid(p.slice(lastSpace + 1), opts.zoneFileExists)) {
          c.timezone = p.slice(lastSpace + 1);
          p = p.slice(0, lastSpace);
        }
      }
    }
    if (p === "") fail(text === "" ? "the value is empty" : "there is only a time zone");
    const zero = () => [{ start: 0, stop: -1, repeat: 0 }];
    const one = (...v) => v.map((start) => ({ start, stop: -1, repeat: 0 }));
    const lower = asciiLower(p);
    const midnight = () => {
      c.hour = zero();
      c.minute = zero();
      c.microsecond = zero();
    };
    if (lower === "minutely") c.microsecond = zero();
    else if (lower === "hourly") {
      c.minute = zero();
      c.microsecond = zero();
    } else if (lower === "daily") midnight();
    else if (lower === "monthly") {
      c.day = one(1);
      midnight();
    } else if (lower === "annually" || lower === "yearly" || lower === "anually") {
      c.month = one(1);
      c.day = one(1);
      midnight();
    } else if (lower === "weekly") {
      c.weekdaysBits = 1;
      midnight();
    } else if (lower === "quarterly") {
      c.month = one(1, 4, 7, 10);
      c.day = one(1);
      midnight();
    } else if (["biannually", "bi-annually", "semiannually", "semi-annually"].includes(lower)) {
      c.month = one(1, 7);
      c.day = one(1);
      midnight();
    } else {
      const cur = new Cursor(p);
      parseWeekdays(cur, c);
      if (/[A-Za-z]/.test(cur.at())) {
        const word = /^[^ ]*/.exec(cur.s.slice(cur.i))[0];
        fail(
          cur.i === 0 ? `${quote2(word)} is neither a shorthand (daily, weekly, \u2026), a weekday (Mon..Sun) nor a date` : `${quote2(word)} is not a date or a time (order: weekday, date, time, time zone)`
        );
      }
      const stamp = parseDate(cur, c);
      if (!stamp) parseTime(cur, c);
      if (cur.at() !== "") {
        if (stamp) fail(`nothing may follow an @timestamp (found ${rest(cur.s, cur.i)})`);
        fail(`unexpected ${rest(cur.s, cur.i)}`);
      }
    }
    if (c.timezone === "UTC") {
      c.utc = true;
      c.timezone = null;
    }
    if (c.weekdaysBits <= 0 || c.weekdaysBits >= BITS_WEEKDAYS) c.weekdaysBits = -1;
    if (c.endOfMonth && !c.day) c.endOfMonth = false;
    fixYear(c.year);
    c.year = normalizeChain(c.year);
    c.month = normalizeChain(c.month);
    c.day = normalizeChain(c.day);
    c.hour = normalizeChain(c.hour);
    c.minute = normalizeChain(c.minute);
    c.microsecond = normalizeChain(c.microsecond);
    const problem2 = chainProblem(c.year, MIN_YEAR, MAX_YEAR, false, "year", false) ?? chainProblem(c.month, 1, 12, false, "month", false) ?? chainProblem(c.day, 1, 31, c.endOfMonth, "day", false) ?? chainProblem(c.hour, 0, 23, false, "hour", false) ?? chainProblem(c.minute, 0, 59, false, "minute", false) ?? chainProblem(c.microsecond, 0, 60 * USEC_PER_SEC2 - 1, false, "second", true);
    if (problem2) fail(problem2);
    const spec = c;
    return { ok: true, spec, normalized: formatCalendarSpec(spec, localZone, opts.nowUsec) };
  } catch (e) {
    if (e instanceof ParseFailure)
      return { ok: false, error: { errno: e.errno, message: STRERROR[e.errno], reason: e.reason } };
    throw e;
  }
}
function formatWeekdays(bits) {
  let out = "";
  let needComma = false;
  let l = -1;
  let x = 0;
  for (; x < 7; x++) {
    if (bits & 1 << x) {
      if (l < 0) {
        if (needComma) out += ",";
        else needComma = true;
        out += WEEKDAY_SHORT[x];
        l = x;
      }
    } else if (l >= 0) {
      if (x > l + 1) out += (x > l + 2 ? ".." : ",") + WEEKDAY_SHORT[x - 1];
      l = -1;
    }
  }
  if (l >= 0 && x > l + 1) out += (x > l + 2 ? ".." : ",") + WEEKDAY_SHORT[x - 1];
  return out;
}
function formatChain(chain, space, usec) {
  const d = usec ? USEC_PER_SEC2 : 1;
  if (!chain || usec && chain.some((c) => c.start === 0 && c.stop < 0 && c.repeat === USEC_PER_SEC2)) return "*";
  return chain.map((c) => {
    let s = pad(Math.trunc(c.start / d), space);
    if (c.start % d > 0) s += "." + pad(c.start % d, 6);
    if (c.stop > 0) s += ".." + pad(Math.trunc(c.stop / d), space);
    if (c.stop % d > 0) s += "." + pad(c.stop % d, 6);
    if (c.repeat > 0 && !(c.stop > 0 && c.repeat === d)) s += "/" + String(Math.trunc(c.repeat / d));
    if (c.repeat % d > 0) s += "." + pad(c.repeat % d, 6);
    return s;
  }).join(",");
}
function formatCalendarSpec(c, localZone = defaultLocalZone(), nowUsec) {
  let s = "";
  if (c.weekdaysBits > 0 && c.weekdaysBits <= BITS_WEEKDAYS) s += formatWeekdays(c.weekdaysBits) + " ";
  s += formatChain(c.year, 4, false) + "-" + formatChain(c.month, 2, false) + (c.endOfMonth ? "~" : "-") + formatChain(c.day, 2, false);
  s += " " + formatChain(c.hour, 2, false) + ":" + formatChain(c.minute, 2, false) + ":" + formatChain(c.microsecond, 2, true);
  if (c.utc) s += " UTC";
  else if (c.timezone) s += " " + c.timezone;
  else if (c.dst === 0 || c.dst === 1) {
    const name = localZone.tzname(Math.floor((nowUsec ?? 0) / USEC_PER_SEC2) || 1767225600)[c.dst];
    if (name) s += " " + name;
  }
  return s;
}
function findEndOfMonth(tm, x, day) {
  const t2 = { ...tm };
  t2.mon++;
  t2.mday = 1 - day;
  if (mkt(t2, x) < 0 || t2.mon !== tm.mon) return -1;
  return t2.mday;
}
function findMatching(spec, chain, tm, val, x) {
  if (!chain) return [0, val];
  const endOfMonth = spec.endOfMonth && chain === spec.day;
  let d = -1;
  let dSet = false;
  for (const c of chain) {
    let start, stop;
    if (endOfMonth) {
      start = findEndOfMonth(tm, x, c.start);
      stop = findEndOfMonth(tm, x, c.stop);
      if (stop > 0) [start, stop] = [stop, start];
    } else {
      start = c.start;
      stop = c.stop;
    }
    if (start >= val) {
      if (!dSet || start < d) {
        d = start;
        dSet = true;
      }
    } else if (c.repeat > 0) {
      const k = start + c.repeat * Math.trunc((val - start + c.repeat - 1) / c.repeat);
      if ((!dSet || k < d) && (stop < 0 || k <= stop)) {
        d = k;
        dSet = true;
      }
    }
  }
  if (!dSet) return [-1, val];
  return [val !== d ? 1 : 0, d];
}
function withinBounds(tm, x) {
  if (tm.year + 1900 > MAX_YEAR) return ERANGE;
  const t2 = { ...tm };
  if (mkt(t2, x) < 0) return EOVERFLOW;
  let cmp;
  if ((cmp = Math.sign(t2.year - tm.year)) !== 0) t2.mon = 0;
  else if ((cmp = Math.sign(t2.mon - tm.mon)) !== 0) t2.mday = 1;
  else if ((cmp = Math.sign(t2.mday - tm.mday)) !== 0) t2.hour = 0;
  else if ((cmp = Math.sign(t2.hour - tm.hour)) !== 0) t2.min = 0;
  else if ((cmp = Math.sign(t2.min - tm.min)) !== 0) t2.sec = 0;
  else cmp = Math.sign(t2.sec - tm.sec);
  if (cmp < 0) return EDEADLK;
  if (cmp > 0) Object.assign(tm, t2);
  return cmp === 0 ? 1 : 0;
}
function matchesWeekday(bits, tm, x) {
  if (bits < 0 || bits >= BITS_WEEKDAYS) return true;
  const t2 = { ...tm };
  if (mkt(t2, x) < 0) return false;
  const k = t2.wday === 0 ? 6 : t2.wday - 1;
  return (bits & 1 << k) !== 0;
}
function findNext(spec, tm, usecIn, x) {
  const c = { ...tm };
  let tmUsec = usecIn;
  let r;
  const resetBelowDay = () => {
    c.hour = c.min = c.sec = tmUsec = 0;
  };
  let invalidateDst = false;
  for (let iteration = 0; iteration < MAX_CALENDAR_ITERATIONS; iteration++) {
    mkt(c, x);
    if (!invalidateDst) c.isdst = spec.dst;
    [r, c.year] = findMatching(spec, spec.year, c, c.year + 1900, x);
    c.year -= 1900;
    if (r > 0) {
      c.mon = 0;
      c.mday = 1;
      resetBelowDay();
    }
    if (r < 0) return { r, tm, usec: usecIn };
    if (withinBounds(c, x) <= 0) return { r: ENOENT, tm, usec: usecIn };
    [r, c.mon] = findMatching(spec, spec.month, c, c.mon + 1, x);
    c.mon -= 1;
    if (r > 0) {
      c.mday = 1;
      resetBelowDay();
    }
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.year++;
      c.mon = 0;
      c.mday = 1;
      resetBelowDay();
      continue;
    }
    if (r === 0) continue;
    [r, c.mday] = findMatching(spec, spec.day, c, c.mday, x);
    if (r > 0) resetBelowDay();
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.mon++;
      c.mday = 1;
      resetBelowDay();
      continue;
    }
    if (r === 0) continue;
    if (!matchesWeekday(spec.weekdaysBits, c, x)) {
      c.mday++;
      resetBelowDay();
      continue;
    }
    [r, c.hour] = findMatching(spec, spec.hour, c, c.hour, x);
    if (r > 0) c.min = c.sec = tmUsec = 0;
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.mday++;
      resetBelowDay();
      continue;
    }
    if (r === 0) continue;
    [r, c.min] = findMatching(spec, spec.minute, c, c.min, x);
    if (r > 0) c.sec = tmUsec = 0;
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.hour++;
      c.min = c.sec = tmUsec = 0;
      continue;
    }
    if (r === 0) continue;
    let v;
    [r, v] = findMatching(spec, spec.microsecond, c, c.sec * USEC_PER_SEC2 + tmUsec, x);
    tmUsec = v % USEC_PER_SEC2;
    c.sec = Math.trunc(v / USEC_PER_SEC2);
    if (r < 0 || (r = withinBounds(c, x)) < 0) {
      c.min++;
      c.sec = tmUsec = 0;
      continue;
    }
    if (r === 0) continue;
    let cmp = Math.sign(tm.year - c.year) || Math.sign(tm.mon - c.mon) || Math.sign(tm.mday - c.mday) || Math.sign(tm.hour - c.hour) || Math.sign(tm.min - c.min) || Math.sign(tm.sec - c.sec);
    if (cmp === 0) cmp = Math.sign(usecIn - (tmUsec + 1));
    if (cmp >= 0) {
      invalidateDst = true;
      c.hour++;
      continue;
    }
    return { r: 0, tm: c, usec: tmUsec };
  }
  return { r: EDEADLK, tm, usec: usecIn };
}
function nextElapse(spec, usec, opts = {}) {
  const parentState = opts.state ?? { offset: 0 };
  let zone = opts.localZone ?? defaultLocalZone();
  let state = parentState;
  if (spec.timezone) {
    const z = timeZoneByName(spec.timezone);
    if (!z)
      return {
        ok: false,
        errno: "EZONE",
        message: `The time zone ${spec.timezone} is not in this program's time zone data`
      };
    zone = z;
    state = { offset: parentState.offset };
  }
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return { ok: false, errno: "EINVAL", message: STRERROR.EINVAL };
  const x = { utc: spec.utc, zone, state };
  const u = usec + 1;
  const t2 = Math.floor(u / USEC_PER_SEC2);
  const tm = spec.utc ? gmtime(t2) : localtime(t2, zone);
  const res = findNext(spec, tm, u - t2 * USEC_PER_SEC2, x);
  if (res.r === ENOENT) return { ok: false, errno: "ENOENT", message: "never" };
  if (res.r < 0) {
    return res.r === EDEADLK ? { ok: false, errno: "EDEADLK", message: STRERROR.EDEADLK } : { ok: false, errno: "ENOENT", message: "never" };
  }
  const out = { ...res.tm };
  const tt = mkt(out, x);
  if (tt < 0) return { ok: false, errno: "EINVAL", message: STRERROR.EINVAL };
  return { ok: true, usec: tt * USEC_PER_SEC2 + res.usec };
}
function nextElapses(spec, usec, count, opts = {}) {
  const elapses = [];
  const state = opts.state ?? { offset: 0 };
  let n = usec;
  for (let i = 0; i < count; i++) {
    const r = nextElapse(spec, n, { ...opts, state });
    if (!r.ok) {
      if (r.errno === "ENOENT") break;
      return { elapses, error: r };
    }
    elapses.push(r.usec);
    n = r.usec;
  }
  return { elapses };
}
function formatTimestamp(usec, zone = defaultLocalZone()) {
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) return "--- XXXX-XX-XX XX:XX:XX";
  const tm = localtime(Math.floor(usec / USEC_PER_SEC2), zone);
  const z = zone === UTC_ZONE ? "UTC" : tm.zone;
  return `${WDAY[tm.wday]} ${tm.year + 1900}-${pad(tm.mon + 1, 2)}-${pad(tm.mday, 2)} ${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)}${z ? " " + z : ""}`;
}
function formatTimestampRelative(usec, nowUsec) {
  const ago = nowUsec > usec;
  const d = ago ? nowUsec - usec : usec - nowUsec;
  const s = ago ? "ago" : "left";
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const f = Math.floor;
  if (d >= YEAR)
    return `${plural(f(d / YEAR), "year", "years")} ${plural(f(d % YEAR / MONTH), "month", "months")} ${s}`;
  if (d >= MONTH)
    return `${plural(f(d / MONTH), "month", "months")} ${plural(f(d % MONTH / DAYU), "day", "days")} ${s}`;
  if (d >= WEEK) return `${plural(f(d / WEEK), "week", "weeks")} ${plural(f(d % WEEK / DAYU), "day", "days")} ${s}`;
  if (d >= 2 * DAYU) return `${f(d / DAYU)} days ${s}`;
  if (d >= 25 * HOUR) return `1 day ${f((d - DAYU) / HOUR)}h ${s}`;
  if (d >= 6 * HOUR) return `${f(d / HOUR)}h ${s}`;
  if (d >= HOUR) return `${f(d / HOUR)}h ${f(d % HOUR / MIN)}min ${s}`;
  if (d >= 5 * MIN) return `${f(d / MIN)}min ${s}`;
  if (d >= MIN) return `${f(d / MIN)}min ${f(d % MIN / SEC)}s ${s}`;
  if (d >= SEC) return `${f(d / SEC)}s ${s}`;
  if (d >= 1e3) return `${f(d / 1e3)}ms ${s}`;
  if (d > 0) return `${d}us ${s}`;
  return "now";
}
function calendarSpecProblem(text, opts = {}) {
  const r = parseCalendarSpec(text, opts);
  return r.ok ? void 0 : r.error.reason;
}
var USEC_PER_SEC2, BITS_WEEKDAYS, MIN_YEAR, MAX_YEAR, COMPONENTS_MAX, INT_MAX, USEC_TIMESTAMP_FORMATTABLE_MAX, MAX_CALENDAR_ITERATIONS, STRERROR, ParseFailure, asciiLower, isDigit2, quote2, rest, DAY_NAMES, WEEKDAY_SHORT, CALENDAR_SHORTHANDS, Cursor, pad, mkt, ERANGE, EDEADLK, ENOENT, EOVERFLOW, WDAY, SEC, MIN, HOUR, DAYU, WEEK, MONTH, YEAR;
var init_calendarSpec = __esm({
  "server/src/values/calendarSpec.ts"() {
    "use strict";
    init_calendarTime();
    init_calendarTime();
    USEC_PER_SEC2 = 1e6;
    BITS_WEEKDAYS = 127;
    MIN_YEAR = 1970;
    MAX_YEAR = 2199;
    COMPONENTS_MAX = 240;
    INT_MAX = 2147483647;
    USEC_TIMESTAMP_FORMATTABLE_MAX = 253402214399e6;
    MAX_CALENDAR_ITERATIONS = 1e3;
    STRERROR = {
      EINVAL: "Invalid argument",
      ERANGE: "Numerical result out of range",
      ENOBUFS: "No buffer space available",
      EDEADLK: "Resource deadlock avoided",
      ENOENT: "No such file or directory"
    };
    ParseFailure = class extends Error {
      constructor(errno, reason) {
        super(reason);
        this.errno = errno;
        this.reason = reason;
      }
      errno;
      reason;
    };
    asciiLower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    isDigit2 = (c) => c !== void 0 && c >= "0" && c <= "9";
    quote2 = (s) => `'${s}'`;
    rest = (s, i) => i >= s.length ? "the end" : quote2(s.slice(i, i + 20) + (s.length > i + 20 ? "\u2026" : ""));
    DAY_NAMES = [
      ["Monday", 0],
      ["Mon", 0],
      ["Tuesday", 1],
      ["Tue", 1],
      ["Wednesday", 2],
      ["Wed", 2],
      ["Thursday", 3],
      ["Thu", 3],
      ["Friday", 4],
      ["Fri", 4],
      ["Saturday", 5],
      ["Sat", 5],
      ["Sunday", 6],
      ["Sun", 6]
    ];
    WEEKDAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    CALENDAR_SHORTHANDS = [
      "minutely",
      "hourly",
      "daily",
      "weekly",
      "monthly",
      "yearly",
      "annually",
      "quarterly",
      "semiannually",
      "semi-annually",
      "biannually",
      "bi-annually",
      "anually"
    ];
    Cursor = class {
      constructor(s, i = 0) {
        this.s = s;
        this.i = i;
      }
      s;
      i;
      at(k = 0) {
        return this.s[this.i + k] ?? "";
      }
      skipSpaces() {
        while (this.s[this.i] === " ") this.i++;
      }
    };
    pad = (n, w) => n < 0 ? "-" + String(-n).padStart(w - 1, "0") : String(n).padStart(w, "0");
    mkt = (tm, x) => x.utc ? timegm(tm) : mktime(tm, x.zone, x.state);
    ERANGE = -34;
    EDEADLK = -35;
    ENOENT = -2;
    EOVERFLOW = -75;
    WDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    SEC = USEC_PER_SEC2;
    MIN = 60 * SEC;
    HOUR = 60 * MIN;
    DAYU = 24 * HOUR;
    WEEK = 7 * DAYU;
    MONTH = 2629800 * SEC;
    YEAR = 31557600 * SEC;
  }
});

// server/src/values/calendar.ts
function calendarProblem(spec) {
  return calendarSpecProblem(spec);
}
function validateCalendar(value, ctx) {
  if (value === "") return [];
  const out = checkSpecifiers(value, specifierContextFor(ctx), ctx.targetVersion, 0);
  if (out.some((p) => p.severity === "error") || value.includes("%")) return out;
  const reason = calendarProblem(value);
  if (reason)
    out.push(
      err(
        0,
        value.length,
        `Invalid calendar specification '${value}': ${reason}; see systemd.time(7), e.g. 'daily' or 'Mon *-*-* 02:00'.`
      )
    );
  return out;
}
var init_calendar = __esm({
  "server/src/values/calendar.ts"() {
    "use strict";
    init_util();
    init_specifiers();
    init_context();
    init_calendarSpec();
  }
});

// server/src/values/network.ts
function subParser(ctx) {
  const i = ctx.parser.lastIndexOf(">");
  return i >= 0 ? ctx.parser.slice(i + 1) : ctx.parser;
}
function keywords(ctx) {
  return ctx.enumValues.filter((v) => !v.includes("<"));
}
function words2(value) {
  const out = [];
  const re = /\S+/g;
  for (let m = re.exec(value); m; m = re.exec(value))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
function validateBoolOrBytes(value, ctx) {
  if (value === "" || parseBoolean(value) !== void 0) return [];
  const r = parseBytes(value, 1024);
  if ("error" in r)
    return [
      err(0, value.length, `Invalid ${ctx.directive}= value '${value}': expected a boolean or a size such as 512K.`)
    ];
  return [];
}
function validateBoolOrTimespan(value, ctx) {
  if (value === "" || parseBoolean(value) !== void 0) return [];
  const r = parseTimespan(value);
  if ("error" in r)
    return [
      err(
        0,
        value.length,
        `Invalid ${ctx.directive}= value '${value}': expected a boolean or a time span such as 10s.`
      )
    ];
  return [];
}
function validateBytesSi(value, ctx) {
  if (value === "" || keywords(ctx).includes(value)) return [];
  if (/^\s*(?:[0-9]+(?:\.[0-9]+)?\s*[KMGTPEB]?\s*)+$/.test(value)) return [];
  return [
    err(
      0,
      value.length,
      `Invalid ${ctx.directive}= value '${value}': expected a number with an optional suffix K, M, G, T, P or E (powers of 1000), e.g. 100M.`
    )
  ];
}
function macProblem(w, ctx) {
  if (keywords(ctx).includes(w)) return void 0;
  const parser = subParser(ctx);
  const anyLength = parser === "config_parse_hw_addr" || parser === "config_parse_hw_addrs" || parser === "config_parse_netdev_hw_addr";
  if (/^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(w)) return void 0;
  if (HEX_PAIRS.test(w) && !/[:][^:]*-|-[^-]*:/.test(w)) {
    const n = w.split(/[:-]/).length;
    if (n === 6 || anyLength && (n === 4 || n === 16 || n === 20)) return void 0;
    return `it has ${n} byte(s), a hardware address has 6`;
  }
  if (anyLength && (isIPv42(w) || isIPv62(w))) return void 0;
  return "expected six hexadecimal bytes such as 02:11:22:33:44:55";
}
function validateMacAddress(value, ctx) {
  if (value === "") return [];
  const reason = macProblem(value.trim(), ctx);
  return reason ? [err(0, value.length, `Invalid ${ctx.directive}= hardware address '${value}': ${reason}.`)] : [];
}
function validateMacAddressList(value, ctx) {
  const out = [];
  for (const w of words2(value)) {
    const reason = macProblem(w.text, ctx);
    if (reason)
      out.push(
        warn(
          w.start,
          w.end,
          `'${w.text}' is not a hardware address (${reason}); systemd skips it and keeps the others.`
        )
      );
  }
  return out;
}
function interfaceNameReason(name, altNames) {
  const max = altNames ? 127 : 15;
  if (name.length === 0) return "it is empty";
  if (name.length > max) return `it is longer than ${max} characters`;
  if (name === "." || name === ".." || name === "all" || name === "default") return `'${name}' is reserved`;
  if (/^[0-9]+$/.test(name)) return "it consists of digits only";
  for (const ch of name) {
    const c = ch.charCodeAt(0);
    if (c < 33 || c > 126) return "it contains a space or a character outside printable ASCII";
    if (ch === ":" || ch === "/" || ch === "%") return `it contains '${ch}'`;
  }
  return void 0;
}
function validateIfname(value, ctx) {
  if (value === "" || keywords(ctx).includes(value)) return [];
  const parser = subParser(ctx);
  if (IFINDEX_PARSERS.has(parser) && /^[1-9][0-9]*$/.test(value)) return [];
  const reason = interfaceNameReason(value, ALT_NAME_PARSERS.has(parser));
  return reason ? [err(0, value.length, `Invalid interface name '${value}' in ${ctx.directive}=: ${reason}.`)] : [];
}
function validateIfnameList(value, ctx) {
  const parser = subParser(ctx);
  const match = parser === "config_parse_match_ifnames";
  const pairs = /iface_pair$/.test(parser);
  const out = [];
  for (const w of words2(value)) {
    let text = w.text;
    let start = w.start;
    if (match && text.startsWith("!") && w.start === words2(value)[0].start) {
      text = text.slice(1);
      start++;
    }
    if (match && /[*?[]/.test(text)) continue;
    const names = pairs ? text.split(":") : [text];
    if (pairs && names.length > 2) {
      out.push(err(w.start, w.end, `'${w.text}' is not HOST[:CONTAINER] in ${ctx.directive}=.`));
      continue;
    }
    for (const n of names) {
      const reason = interfaceNameReason(n, ALT_NAME_PARSERS.has(parser));
      if (!reason) continue;
      const p = parser === "config_parse_ifnames" ? warn : err;
      out.push(p(start, w.end, `'${n}' is not a valid interface name in ${ctx.directive}=: ${reason}.`));
      break;
    }
  }
  return out;
}
function ipProblem(w, ctx) {
  if (keywords(ctx).includes(w)) return void 0;
  if (isIPv42(w) || isIPv62(w)) return void 0;
  if (w.includes("/")) return "a prefix length is not allowed here";
  return "expected an IPv4 or IPv6 address";
}
function validateIpAddress(value, ctx) {
  if (value === "") return [];
  const reason = ipProblem(value.trim(), ctx);
  return reason ? [err(0, value.length, `Invalid ${ctx.directive}= address '${value}': ${reason}.`)] : [];
}
function validateIpAddresses(value, ctx) {
  const out = [];
  for (const w of words2(value)) {
    const reason = ipProblem(w.text, ctx);
    if (reason) out.push(err(w.start, w.end, `Invalid ${ctx.directive}= address '${w.text}': ${reason}.`));
  }
  return out;
}
function validateIpPrefix(value, ctx) {
  if (value === "" || keywords(ctx).includes(value)) return [];
  const v = value.trim();
  const slash = v.indexOf("/");
  const addr = slash >= 0 ? v.slice(0, slash) : v;
  const v4 = isIPv42(addr);
  if (!v4 && !isIPv62(addr))
    return [err(0, value.length, `Invalid ${ctx.directive}= prefix '${value}': '${addr}' is not an IP address.`)];
  if (slash >= 0) {
    const p = v.slice(slash + 1);
    const max = v4 ? 32 : 128;
    if (!/^[0-9]+$/.test(p) || Number(p) > max)
      return [
        err(0, value.length, `Invalid ${ctx.directive}= prefix '${value}': the prefix length must be 0..${max}.`)
      ];
  }
  return [];
}
function dnsServerProblem(w) {
  let s = w;
  const hash = s.indexOf("#");
  if (hash >= 0) {
    if (hash === s.length - 1) return "the server name after # is empty";
    s = s.slice(0, hash);
  }
  const pct = s.indexOf("%");
  if (pct >= 0) {
    const reason = interfaceNameReason(s.slice(pct + 1), true);
    if (reason && !/^[1-9][0-9]*$/.test(s.slice(pct + 1))) return `the interface after % is not valid (${reason})`;
    s = s.slice(0, pct);
  }
  let port;
  if (s.startsWith("[")) {
    const close = s.indexOf("]");
    if (close < 0) return "a '[' without its ']'";
    const rest2 = s.slice(close + 1);
    if (rest2 && !rest2.startsWith(":")) return `unexpected '${rest2}' after the address`;
    port = rest2 ? rest2.slice(1) : void 0;
    s = s.slice(1, close);
    if (!isIPv62(s)) return `'${s}' is not an IPv6 address`;
  } else if (isIPv62(s)) {
    return void 0;
  } else {
    const colon = s.lastIndexOf(":");
    if (colon >= 0) {
      port = s.slice(colon + 1);
      s = s.slice(0, colon);
    }
    if (!isIPv42(s)) return `'${s}' is not an IP address`;
  }
  if (port !== void 0 && (!/^[0-9]+$/.test(port) || Number(port) < 1 || Number(port) > 65535))
    return `port '${port}' is not 1..65535`;
  return void 0;
}
function validateDnsServerList(value, ctx) {
  const out = [];
  for (const w of words2(value)) {
    if (keywords(ctx).includes(w.text)) continue;
    const reason = dnsServerProblem(w.text);
    if (reason) out.push(err(w.start, w.end, `Invalid DNS server '${w.text}' in ${ctx.directive}=: ${reason}.`));
  }
  return out;
}
function domainProblem(name) {
  const n = name.endsWith(".") ? name.slice(0, -1) : name;
  if (n.length > 253) return "it is longer than 253 characters";
  for (const label of n.split(".")) {
    if (label.length === 0) return "it has an empty label (two dots in a row, or a leading dot)";
    if (label.length > 63) return `the label '${label.slice(0, 20)}\u2026' is longer than 63 characters`;
  }
  return void 0;
}
function validateDomainList(value, ctx) {
  const out = [];
  for (const w of words2(value)) {
    const d = w.text.startsWith("~") ? w.text.slice(1) : w.text;
    if (d === "." || d === "*" || keywords(ctx).includes(w.text)) continue;
    const reason = domainProblem(d);
    if (reason) out.push(err(w.start, w.end, `Invalid domain '${w.text}' in ${ctx.directive}=: ${reason}.`));
  }
  return out;
}
function validateRouteTable(value, ctx) {
  if (value === "" || keywords(ctx).includes(value)) return [];
  if (/^wireguard/.test(subParser(ctx).replace(/^config_parse_/, "")) && parseBoolean(value) !== void 0) {
    return parseBoolean(value) ? [err(0, value.length, `${ctx.directive}= takes a table or 'off'; a true boolean is refused.`)] : [];
  }
  if (/^[0-9]+$/.test(value)) {
    const n = Number(value);
    return n >= 1 && n <= 4294967295 ? [] : [err(0, value.length, `Invalid ${ctx.directive}= table '${value}': a table number is 1..4294967295.`)];
  }
  return [];
}
function validateHexNumber(value, ctx) {
  if (value === "") return [];
  const m = /^(?:0[xX])?([0-9a-fA-F]+)$/.exec(value);
  const max = subParser(ctx) === "config_parse_qdisc_handle" ? 65535 : 4294967295;
  if (!m || parseInt(m[1], 16) > max)
    return [
      err(
        0,
        value.length,
        `Invalid ${ctx.directive}= value '${value}': expected a hexadecimal number up to ${max.toString(16)}.`
      )
    ];
  return [];
}
function validateTcHandle(value, ctx) {
  if (value === "" || keywords(ctx).includes(value)) return [];
  const m = /^([0-9a-fA-F]{1,4}):([0-9a-fA-F]{0,4})$/.exec(value);
  if (m) return [];
  const kw = keywords(ctx);
  return [
    err(
      0,
      value.length,
      `Invalid ${ctx.directive}= handle '${value}': expected MAJOR:MINOR in hexadecimal (e.g. 1:0)${kw.length ? `, or ${kw.join(", ")}` : ""}.`
    )
  ];
}
function validateId128(value, ctx) {
  if (value === "" || keywords(ctx).includes(value)) return [];
  if (/^[0-9a-fA-F]{32}$/.test(value) || /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value))
    return [];
  return [
    err(0, value.length, `Invalid ${ctx.directive}= ID '${value}': expected 32 hexadecimal digits or the UUID form.`)
  ];
}
var HEX_PAIRS, ALT_NAME_PARSERS, IFINDEX_PARSERS;
var init_network = __esm({
  "server/src/values/network.ts"() {
    "use strict";
    init_util();
    init_socketAddress();
    init_bool();
    init_bytes2();
    init_timespan();
    HEX_PAIRS = /^[0-9a-fA-F]{1,2}(?:([:-])[0-9a-fA-F]{1,2})*$/;
    ALT_NAME_PARSERS = /* @__PURE__ */ new Set([
      "config_parse_fdb_interface",
      "config_parse_uplink",
      "config_parse_match_ifnames",
      "config_parse_ifnames"
    ]);
    IFINDEX_PARSERS = /* @__PURE__ */ new Set(["config_parse_fdb_interface", "config_parse_uplink"]);
  }
});

// server/src/values/index.ts
function effectiveKind(ctx) {
  if (ctx.directive === "OnCalendar" && ctx.section === "Timer") return "calendar";
  return ctx.kind;
}
function sharedValueContext(info, unitType, targetVersion) {
  let byVersion = contexts.get(info);
  if (!byVersion) contexts.set(info, byVersion = /* @__PURE__ */ new Map());
  let byType = byVersion.get(targetVersion);
  if (!byType) byVersion.set(targetVersion, byType = /* @__PURE__ */ new Map());
  let ctx = byType.get(unitType);
  if (!ctx) {
    ctx = {
      section: info.section,
      directive: info.name,
      kind: info.kind,
      parser: info.parser,
      enumValues: info.enumValues,
      unitType,
      targetVersion,
      ...info.range ? { range: info.range } : {}
    };
    byType.set(unitType, ctx);
    shared.set(ctx, new BoundedCache({ max: 2e4, ttlMs: Infinity }));
  }
  return ctx;
}
function validateValue(value, ctx) {
  if (value.length > 4096) return validateUncached(value, ctx);
  const own = shared.get(ctx);
  if (own) return own.get(value, () => stored(validateUncached(value, ctx)));
  const key2 = `${ctx.section}\0${ctx.directive}\0${ctx.kind}\0${ctx.unitType ?? ""}\0${ctx.targetVersion}\0${ctx.parser}\0${ctx.range ?? ""}\0${value}`;
  return memo.get(key2, () => stored(validateUncached(value, ctx)));
}
function stored(problems) {
  return problems.map((p) => ({
    ...p,
    message: ownString(p.message),
    ...p.suggestions ? { suggestions: p.suggestions.map(ownString) } : {}
  }));
}
function validateUncached(value, ctx) {
  try {
    const kind = effectiveKind(ctx);
    if (value === "" && kind !== "limit") return [];
    if (KEYWORD_KINDS.has(kind) && ctx.enumValues.includes(value)) return [];
    const v = VALIDATORS[kind];
    if (!v) return [];
    const problems = v(value, kind === ctx.kind ? ctx : { ...ctx, kind });
    const n = value.length;
    return problems.map((p) => {
      const start = Math.max(0, Math.min(p.start, n));
      const end = Math.max(start, Math.min(p.end, n));
      return start === p.start && end === p.end ? p : { ...p, start, end };
    });
  } catch {
    return [];
  }
}
var VALIDATORS, KEYWORD_KINDS, shared, contexts, memo;
var init_values = __esm({
  "server/src/values/index.ts"() {
    "use strict";
    init_cache();
    init_bool();
    init_timespan();
    init_bytes2();
    init_numbers();
    init_signal();
    init_enum();
    init_exec();
    init_unitName();
    init_socketAddress();
    init_capability();
    init_syscall();
    init_paths();
    init_environment();
    init_cpuSet();
    init_device();
    init_limit();
    init_user();
    init_tuple();
    init_condition();
    init_calendar();
    init_strings();
    init_network();
    init_context();
    init_bool();
    init_timespan();
    init_bytes2();
    init_numbers();
    init_signal();
    init_enum();
    init_specifiers();
    init_unitName();
    init_socketAddress();
    init_capability();
    init_user();
    init_environment();
    init_strings();
    init_calendar();
    init_tuple();
    init_condition();
    VALIDATORS = {
      "address-family-list": validateAddressFamilies,
      "bind-paths": validateBindPaths,
      bool: validateBool,
      bytes: validateBytes,
      "bytes-or-percent": validateBytesOrPercent,
      calendar: validateCalendar,
      "capability-list": validateCapabilityList,
      condition: validateCondition,
      "count-or-percent": validateCountOrPercent,
      "cpu-set": validateCpuSet,
      "cpu-weight": validateCpuWeight,
      "device-allow": validateDeviceAllow,
      "device-io": validateDeviceIo,
      enum: validateEnum,
      "enum-list": validateEnumList,
      "enum-or-bool": validateEnumOrBool,
      "env-file": validateEnvFile,
      "env-name-list": validateEnvNameList,
      environment: validateEnvironment,
      "exec-command": validateExec,
      "exit-status": validateExitStatus,
      ignored: () => [],
      int: validateInt,
      "io-weight": validateIoWeight,
      "ip-address-list": validateIpAddressList,
      limit: validateLimit,
      mode: validateMode,
      nice: validateNice,
      nsec: validateTimespan,
      "oom-score": validateOomScore,
      path: validatePath,
      "path-list": validatePathList,
      percent: validatePercent,
      "relative-path-list": validateRelativePathList,
      signal: validateSignal,
      "socket-address": validateSocketAddress,
      string: validateString,
      "syscall-filter": validateSyscallFilter,
      "temp-fs": validateTempFs,
      "timespan-sec": validateTimespan,
      "tristate-bool": validateTristate,
      tuple: validateTuple,
      unit: validateUnit,
      "unit-list": validateUnitList,
      unsigned: validateUnsigned,
      user: validateUser,
      "bool-or-bytes": validateBoolOrBytes,
      "bool-or-timespan": validateBoolOrTimespan,
      "bytes-si": validateBytesSi,
      "dns-server-list": validateDnsServerList,
      "domain-list": validateDomainList,
      "hex-number": validateHexNumber,
      id128: validateId128,
      ifname: validateIfname,
      "ifname-list": validateIfnameList,
      "ip-address": validateIpAddress,
      "ip-addresses": validateIpAddresses,
      "ip-prefix": validateIpPrefix,
      "mac-address": validateMacAddress,
      "mac-address-list": validateMacAddressList,
      "route-table": validateRouteTable,
      "tc-handle": validateTcHandle
    };
    KEYWORD_KINDS = /* @__PURE__ */ new Set(["bytes", "path", "unsigned", "int"]);
    shared = /* @__PURE__ */ new WeakMap();
    contexts = /* @__PURE__ */ new WeakMap();
    memo = new BoundedCache({ max: 6e4, ttlMs: Infinity });
  }
});

// server/src/watchdog/drivers.ts
function limitsForDriver(id, custom) {
  if (id === "custom" && custom)
    return { label: `custom range ${custom.min}\u2013${custom.max} s`, min: custom.min, max: custom.max, source: "setting" };
  const d = WATCHDOG_DRIVERS.find((x) => x.id === id) ?? WATCHDOG_DRIVERS.find((x) => x.id === DEFAULT_WATCHDOG_DRIVER);
  return { label: d.label, min: d.min, max: d.max, ticks: d.ticks, tickLabel: d.tickLabel, source: "setting" };
}
var tco, WATCHDOG_DRIVERS, DEFAULT_WATCHDOG_DRIVER, SYSTEMD_WATCHDOG_CAP, HARDWARE_WATCHDOG_SETTINGS;
var init_drivers = __esm({
  "server/src/watchdog/drivers.ts"() {
    "use strict";
    tco = (t2) => Math.floor(t2 * 10 / 6);
    WATCHDOG_DRIVERS = [
      {
        id: "iTCO-v1",
        label: "Intel iTCO (TCO v1: ICH\u2013ICH5, 6300ESB)",
        min: 5,
        max: 76,
        ticks: (t2) => Math.floor(tco(t2) / 2),
        tickLabel: "ticks of 0.6 s, counted down twice (max 0x3f)"
      },
      {
        id: "iTCO-v2",
        label: "Intel iTCO (TCO v2: ICH6 and later PCHs)",
        min: 3,
        max: 614,
        ticks: tco,
        tickLabel: "ticks of 0.6 s (max 0x3ff)"
      },
      {
        id: "iTCO-v3",
        label: "Intel iTCO (TCO v3: Bay Trail, Braswell, Avoton, Denverton)",
        min: 4,
        max: 1023,
        ticks: (t2) => t2,
        tickLabel: "ticks of 1 s (max 0x3ff)"
      },
      {
        id: "iTCO-v4",
        label: "Intel iTCO (TCO v4: Sunrise Point)",
        min: 3,
        max: 614,
        ticks: tco,
        tickLabel: "ticks of 0.6 s (max 0x3ff)"
      },
      {
        id: "iTCO-v5",
        label: "Intel iTCO (TCO v5: Apollo Lake)",
        min: 3,
        max: 614,
        ticks: tco,
        tickLabel: "ticks of 0.6 s (max 0x3ff)"
      },
      {
        id: "iTCO-v6",
        label: "Intel iTCO (TCO v6: Cannon Lake and later)",
        min: 3,
        max: 614,
        ticks: tco,
        tickLabel: "ticks of 0.6 s (max 0x3ff)"
      },
      { id: "softdog", label: "softdog (software watchdog)", min: 1, max: 65535 },
      { id: "sp5100_tco", label: "AMD/Hygon FCH (sp5100_tco)", min: 1, max: 65535 },
      { id: "i6300esb", label: "Intel 6300ESB (i6300esb, also QEMU)", min: 1, max: 2046 }
    ];
    DEFAULT_WATCHDOG_DRIVER = "iTCO-v2";
    SYSTEMD_WATCHDOG_CAP = 4294967;
    HARDWARE_WATCHDOG_SETTINGS = /* @__PURE__ */ new Set([
      "RuntimeWatchdogSec",
      "RebootWatchdogSec",
      "KExecWatchdogSec",
      "ShutdownWatchdogSec"
    ]);
  }
});

// server/src/watchdog/evaluate.ts
function evaluateWatchdogValue(value) {
  const v = value.trim();
  if (v === "off") return { mode: "off" };
  if (v === "default") return { mode: "keep" };
  const r = parseTimespan(v);
  if (!("usec" in r)) return void 0;
  if (r.usec === "infinity") return { mode: "keep" };
  if (r.usec === 0) return { mode: "off" };
  const seconds = Math.min(Math.ceil(r.usec / 1e6), SYSTEMD_WATCHDOG_CAP);
  return { mode: "seconds", seconds, usec: r.usec };
}
var init_evaluate = __esm({
  "server/src/watchdog/evaluate.ts"() {
    "use strict";
    init_drivers();
    init_timespan();
  }
});

// server/src/socketActivation/hints.ts
function domainName(n) {
  return nameOf(AF, n) ?? String(n);
}
function typeName(n) {
  const base = nameOf(SOCK, n & 15) ?? String(n & 15);
  const flags = [n & SOCK_NONBLOCK ? "SOCK_NONBLOCK" : "", n & SOCK_CLOEXEC ? "SOCK_CLOEXEC" : ""].filter(Boolean);
  return [base, ...flags].join("|");
}
function protocolName(n, domain) {
  if (n === 0) return domain === AF.AF_UNIX ? "0" : "IPPROTO_IP";
  return nameOf(IPPROTO, n) ?? String(n);
}
function parseHint(name) {
  if (!HINT_ATTEMPT.test(name)) return void 0;
  const m = /^socket\((\d+),(\d+),(\d+)\)=(\d+)$/.exec(name);
  if (!m) {
    if (/\s/.test(name))
      return { error: "A socket hint must not contain spaces: write socket(DOMAIN,TYPE,PROTOCOL)=N." };
    if (!/^socket\(/.test(name))
      return {
        error: `A socket hint starts with 'socket(' exactly (lower case, no 's', no space before the parenthesis): write socket(DOMAIN,TYPE,PROTOCOL)=N.`
      };
    if (/^socket\(.*\)=-/.test(name)) return { error: "The call index N must be 0 or more." };
    return {
      error: "A socket hint must be socket(DOMAIN,TYPE,PROTOCOL)=N with decimal numbers, e.g. socket(2,1,6)=0."
    };
  }
  return { hint: { domain: Number(m[1]), type: Number(m[2]), protocol: Number(m[3]), index: Number(m[4]) } };
}
function ordinal(n) {
  const words4 = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
  if (n < words4.length) return words4[n];
  const s = n + 1;
  const suf = s % 10 === 1 && s % 100 !== 11 ? "st" : s % 10 === 2 && s % 100 !== 12 ? "nd" : s % 10 === 3 && s % 100 !== 13 ? "rd" : "th";
  return `${s}${suf}`;
}
function describeHint(h, service) {
  return `the ${ordinal(h.index)} \`socket(${domainName(h.domain)}, ${typeName(h.type)}, ${protocolName(h.protocol, h.domain)})\` call of ${service} gets this socket`;
}
function domainsOfAddress(address) {
  const a = address.trim();
  if (a.startsWith("/") || a.startsWith("@")) return [AF.AF_UNIX];
  if (a.startsWith("vsock:")) return [AF.AF_VSOCK];
  if (a.startsWith("[")) return [AF.AF_INET6];
  if (/^\d+$/.test(a)) return [AF.AF_INET6, AF.AF_INET];
  if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) return [AF.AF_INET];
  if (a.includes("::") || (a.match(/:/g) ?? []).length > 1) return [AF.AF_INET6];
  return [];
}
function typeOfListen(directive) {
  switch (directive) {
    case "ListenStream":
      return SOCK.SOCK_STREAM;
    case "ListenDatagram":
      return SOCK.SOCK_DGRAM;
    case "ListenSequentialPacket":
      return SOCK.SOCK_SEQPACKET;
    default:
      return void 0;
  }
}
function protocolsFor(domain, type, socketProtocol) {
  const base = type & 15;
  if (domain === AF.AF_UNIX) return [0, 1];
  if (domain === AF.AF_INET || domain === AF.AF_INET6) {
    const chosen = socketProtocol === "sctp" ? IPPROTO.IPPROTO_SCTP : socketProtocol === "udplite" ? IPPROTO.IPPROTO_UDPLITE : socketProtocol === "mptcp" ? IPPROTO.IPPROTO_MPTCP : void 0;
    if (base === SOCK.SOCK_STREAM)
      return chosen === IPPROTO.IPPROTO_SCTP || chosen === IPPROTO.IPPROTO_MPTCP ? [chosen] : [0, IPPROTO.IPPROTO_TCP];
    if (base === SOCK.SOCK_DGRAM) return chosen === IPPROTO.IPPROTO_UDPLITE ? [chosen] : [0, IPPROTO.IPPROTO_UDP];
    if (base === SOCK.SOCK_SEQPACKET) return [IPPROTO.IPPROTO_SCTP];
  }
  if (domain === AF.AF_VSOCK) return [0];
  return [];
}
var AF, SOCK, SOCK_NONBLOCK, SOCK_CLOEXEC, IPPROTO, nameOf, HINT_ATTEMPT;
var init_hints = __esm({
  "server/src/socketActivation/hints.ts"() {
    "use strict";
    AF = { AF_UNIX: 1, AF_INET: 2, AF_INET6: 10, AF_NETLINK: 16, AF_PACKET: 17, AF_VSOCK: 40 };
    SOCK = {
      SOCK_STREAM: 1,
      SOCK_DGRAM: 2,
      SOCK_RAW: 3,
      SOCK_RDM: 4,
      SOCK_SEQPACKET: 5,
      SOCK_DCCP: 6,
      SOCK_PACKET: 10
    };
    SOCK_NONBLOCK = 2048;
    SOCK_CLOEXEC = 524288;
    IPPROTO = {
      IPPROTO_IP: 0,
      IPPROTO_ICMP: 1,
      IPPROTO_TCP: 6,
      IPPROTO_UDP: 17,
      IPPROTO_IPV6: 41,
      IPPROTO_ICMPV6: 58,
      IPPROTO_SCTP: 132,
      IPPROTO_UDPLITE: 136,
      IPPROTO_RAW: 255,
      IPPROTO_MPTCP: 262
    };
    nameOf = (table, n) => Object.entries(table).find(([, v]) => v === n)?.[0];
    HINT_ATTEMPT = /^\s*sockets?\s*\(/i;
  }
});

// server/src/services/socketHints.ts
function socketHintFor(analysis, index = 0) {
  const out = [];
  const service = serviceOf(analysis);
  for (const e of analysis.entries) {
    if (!e.info || e.info.section !== "Socket") continue;
    const type = typeOfListen(e.info.name);
    if (type === void 0 || !e.node.value) continue;
    for (const domain of domainsOfAddress(e.node.value)) {
      const proto = domain === AF.AF_UNIX ? 0 : type === SOCK.SOCK_STREAM ? IPPROTO.IPPROTO_TCP : type === SOCK.SOCK_DGRAM ? IPPROTO.IPPROTO_UDP : 0;
      const h = { domain, type, protocol: proto, index };
      out.push({
        hint: `socket(${domain},${type},${proto})=${index}`,
        explanation: `For ${e.info.name}=${e.node.value}: ${describeHint(h, service)}.`
      });
    }
  }
  return out;
}
function serviceOf(analysis) {
  let service;
  for (const e of analysis.entries)
    if (e.info?.section === "Socket" && e.info.name === "Service" && e.node.value) service = e.node.value;
  if (service) return service;
  if (analysis.file.kind === "unit" || analysis.file.kind === "dropin") {
    const n = analysis.file.unitName;
    const at2 = n.indexOf("@");
    return at2 > 0 ? `${n.slice(0, at2)}@.service` : n.replace(/\.socket$/, ".service");
  }
  return "the service";
}
var init_socketHints = __esm({
  "server/src/services/socketHints.ts"() {
    "use strict";
    init_hints();
    init_hints();
  }
});

// server/src/units/unitWorld.ts
function unitWorldOf(path) {
  const where2 = unitPathRoot(path);
  const root = where2?.root ?? "/";
  const mirrored = root !== "/";
  return { root, scope: where2?.scope ?? "system", roots: mirrored ? [root, "/"] : ["/"], mirrored };
}
function appliesToOneUnit(unitName, unitType) {
  return !/^[a-z]+$/.test(unitName) && !unitName.endsWith(`-.${unitType}`);
}
function isVendorUnitFile(path) {
  const w = unitWorldOf(path);
  return unitPathRoot(path) !== void 0 && isVendorPath(path, [w.root]);
}
var init_unitWorld = __esm({
  "server/src/units/unitWorld.ts"() {
    "use strict";
    init_searchPaths();
    init_hierarchy();
  }
});

// server/src/units/minimalDropIn.ts
function toEffective(x, label) {
  return x instanceof EffectiveUnit ? x : effectiveOfText(x, label);
}
function sectionOrder(sections, unitType) {
  const typeSec = unitType ? typeSection(unitType) : void 0;
  const rank = (s) => s === "Unit" ? 0 : s === typeSec ? 1 : s === "Install" ? 3 : 2;
  return sections.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
}
function looksLikeLiteral(v) {
  return v !== "" && !/[\s()]/.test(v);
}
function emptyResets(d, assumeEmptyResets = false) {
  if (d.mode !== "single") return d.mode === "list";
  if (assumeEmptyResets || !d.info) return true;
  return !EMPTY_REFUSED_252.has(d.info.parser);
}
function computeMinimalDropIn(base, target, opts = {}) {
  const B = toEffective(base, "base");
  const T = toEffective(target, "target");
  const bDirs = B.directives();
  const tDirs = T.directives();
  const keyOf2 = (d) => `${d.section}\0${d.name}`;
  const keys = /* @__PURE__ */ new Map();
  for (const d of [...tDirs, ...bDirs])
    if (!keys.has(keyOf2(d))) keys.set(keyOf2(d), { section: d.section, name: d.name, mode: d.mode, group: d.group, d });
  const sections = sectionOrder(
    [...new Set([...keys.values()].map((k) => k.section))],
    opts.unitType ?? guessUnitType([...B.sectionNames(), ...T.sectionNames()])
  );
  const valuesIn = (E, section, name) => {
    const d = E.get(section, name);
    return d ? comparableValues(d) : [];
  };
  const groupReset = /* @__PURE__ */ new Map();
  for (const k of keys.values()) {
    if (!k.group || k.mode !== "list") continue;
    const b = valuesIn(B, k.section, k.name);
    const t2 = valuesIn(T, k.section, k.name);
    const gk = `${k.section}/${k.group}`;
    if (!isPrefix(b, t2) && !groupReset.has(gk)) groupReset.set(gk, k.name);
  }
  const bySection = /* @__PURE__ */ new Map();
  const emit = (section, key2, value) => {
    let l = bySection.get(section);
    if (!l) bySection.set(section, l = []);
    l.push({ section, key: key2, value });
  };
  const cannot = [];
  const changed = [];
  const groupsWritten = /* @__PURE__ */ new Set();
  for (const section of sections) {
    for (const k of keys.values()) {
      if (k.section !== section) continue;
      const b = valuesIn(B, section, k.name);
      const t2 = valuesIn(T, section, k.name);
      if (!k.d.info) continue;
      const differs = !sameList(b, t2);
      if (differs) changed.push({ section, key: k.name });
      const gk = k.group ? `${section}/${k.group}` : "";
      if (k.group && groupReset.has(gk)) {
        if (groupsWritten.has(gk)) continue;
        groupsWritten.add(gk);
        emit(section, groupReset.get(gk), "");
        for (const m of keys.values()) {
          if (m.section !== section || m.group !== k.group) continue;
          for (const v of valuesIn(T, section, m.name)) emit(section, m.name, v);
        }
        continue;
      }
      if (!differs) continue;
      switch (k.mode) {
        case "single":
          if (t2.length > 0) emit(section, k.name, t2[0]);
          else if (emptyResets(k.d, opts.assumeEmptyResets)) emit(section, k.name, "");
          else {
            const def = k.d.info?.defaultValue ?? "";
            cannot.push({
              section,
              key: k.name,
              kind: "empty-refused",
              base: b,
              target: t2,
              reason: `systemd 252 refuses an empty ${k.name}= ("Failed to parse \u2026, ignoring"), so a drop-in cannot reset it to its default; ` + (looksLikeLiteral(def) ? `write ${k.name}=${def} (the default) instead` : `write the value you want explicitly`) + ` (the base sets ${k.name}=${b[0] ?? ""}).`
            });
          }
          break;
        case "first-wins":
          if (b.length === 0) emit(section, k.name, t2[0]);
          else {
            cannot.push({
              section,
              key: k.name,
              kind: "first-wins",
              base: b,
              target: t2,
              reason: `[${section}] ${k.name}= keeps its first value (systemd ignores later ones with "Multiple units to trigger specified"), so a drop-in cannot ${t2.length ? `change ${b[0]} to ${t2[0]}` : `remove ${b[0]}`}; edit the unit file itself (systemctl edit --full).`
            });
          }
          break;
        case "list": {
          if (isPrefix(b, t2)) {
            for (const v of t2.slice(b.length)) emit(section, k.name, v);
            break;
          }
          const lr = listResetOf(k.d.info);
          if (lr.emptyIsDefault) emit(section, k.name, "");
          else if (lr.token !== void 0) emit(section, k.name, lr.token);
          else if (t2[0] !== "") {
            cannot.push({
              section,
              key: k.name,
              kind: "empty-not-default",
              base: b,
              target: t2,
              reason: `an empty ${k.name}= does not restore its default (${k.d.info?.defaultValue ?? "unknown"}) and no other value is known to, so a drop-in cannot replace the list; edit the unit file itself (systemctl edit --full).`
            });
            break;
          }
          for (const v of t2) emit(section, k.name, v);
          break;
        }
        case "add-only": {
          const tWords = orderedWords(T.get(section, k.name));
          const bSet = new Set(b);
          const tSet = new Set(t2);
          const add = tWords.filter((w) => !bSet.has(w));
          if (add.length) emit(section, k.name, add.join(" "));
          const removed = b.filter((w) => !tSet.has(w));
          if (removed.length) {
            cannot.push({
              section,
              key: k.name,
              kind: "add-only-removal",
              base: b,
              target: t2,
              reason: `${k.name}= can only be added to in a drop-in (an empty ${k.name}= is ignored), so ${removed.join(" ")} cannot be removed; edit the unit file itself (systemctl edit --full) or mask the unit it pulls in.`
            });
          }
          break;
        }
      }
    }
  }
  const assignments2 = [];
  const blocks = [];
  for (const section of sections) {
    const l = bySection.get(section);
    if (!l?.length) continue;
    assignments2.push(...l);
    blocks.push(`[${section}]
${l.map((a) => `${a.key}=${a.value}
`).join("")}`);
  }
  return { text: blocks.join("\n"), assignments: assignments2, cannotExpress: cannot, changed, groupResets: [...groupsWritten] };
}
function orderedWords(d) {
  if (!d) return [];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const v of d.values)
    for (const w of wordsOf(v.value))
      if (!seen.has(w)) {
        seen.add(w);
        out.push(w);
      }
  return out;
}
var isPrefix, sameList;
var init_minimalDropIn = __esm({
  "server/src/units/minimalDropIn.ts"() {
    "use strict";
    init_catalog();
    init_effective();
    init_parserFacts();
    init_parserFacts();
    isPrefix = (a, b) => a.length <= b.length && a.every((v, i) => v === b[i]);
    sameList = (a, b) => a.length === b.length && isPrefix(a, b);
  }
});

// server/src/units/shipped.ts
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync as readdirSync2, statSync as statSync2 } from "node:fs";
import { posix as posix3 } from "node:path";
function vendorLocation(path) {
  if (!path.startsWith("/") || !isVendorUnitFile(path)) return void 0;
  const root = unitPathRoot(path)?.root ?? "/";
  const rel = posix3.relative(root, posix3.normalize(path));
  return rel.startsWith("..") ? void 0 : { root, rel };
}
function shippedInfo(path, current, opts = {}) {
  try {
    const loc = opts.location ?? vendorLocation(path);
    if (!loc) return void 0;
    const ref = reference(path, loc, opts);
    if (ref.kind === "git")
      return { path, source: "git", from: "the last commit (git HEAD)", text: ref.text, differs: ref.text !== current };
    if (ref.kind === "dpkg") {
      const md5 = createHash("md5").update(encodeText(current)).digest("hex");
      return {
        path,
        source: "dpkg",
        from: `package ${ref.pkg}`,
        text: void 0,
        differs: md5 !== ref.md5,
        package: ref.pkg
      };
    }
    if (opts.savedText !== void 0)
      return {
        path,
        source: "saved",
        from: "the last saved version",
        text: opts.savedText,
        differs: opts.savedText !== current
      };
    return void 0;
  } catch {
    return void 0;
  }
}
function reference(path, loc, opts) {
  const fs = opts.fs ?? realShippedFs;
  const cache4 = opts.cache ?? defaultCache;
  const st = fs.stat(path);
  const dpkgRoot = opts.dpkgRoot ?? posix3.join(loc.root, "var/lib/dpkg");
  const key2 = `${path}\0${st ? `${st.mtimeMs}\0${st.size}` : "missing"}\0${dpkgRoot}`;
  return cache4.refs.get(
    key2,
    () => gitReference(path, fs, opts, cache4) ?? dpkgReference(loc, dpkgRoot, fs, cache4) ?? { kind: "none" }
  );
}
function gitTop(dir, fs) {
  for (let d = dir; ; d = posix3.dirname(d)) {
    if (fs.stat(posix3.join(d, ".git"))) return d;
    if (d === "/" || d === "." || d === "") return void 0;
  }
}
function repoState(top, opts, cache4) {
  return cache4.repos.get(top, () => {
    const run3 = opts.run ?? spawnRunner;
    const o = { timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: 64 * 1024 * 1024 };
    cache4.spawned += 2;
    const ls = run3("git", ["-C", top, "ls-files", "-z"], o);
    const diff = run3("git", ["-C", top, "diff", "--name-only", "-z", "HEAD"], o);
    if (ls.status !== 0 || ls.timedOut || ls.error || diff.status !== 0 || diff.timedOut || diff.error)
      return void 0;
    const split = (b) => new Set(Buffer.from(b).toString("utf8").split("\0").filter(Boolean));
    return { tracked: split(ls.stdout), modified: split(diff.stdout) };
  });
}
function gitReference(path, fs, opts, cache4) {
  const dir = posix3.dirname(path);
  const top = gitTop(dir, fs);
  if (!top) return void 0;
  const rel = posix3.relative(top, path);
  const state = repoState(top, opts, cache4);
  if (state && !state.tracked.has(rel)) return void 0;
  if (state && !state.modified.has(rel)) {
    const bytes = fs.read(path, MAX_UNIT_BYTES);
    if (bytes) return { kind: "git", text: decodeBytes(bytes) };
  }
  const run3 = opts.run ?? spawnRunner;
  cache4.spawned++;
  const r = run3("git", ["-C", dir, "cat-file", "blob", `HEAD:./${posix3.basename(path)}`], {
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: MAX_UNIT_BYTES
  });
  if (r.status !== 0 || r.timedOut || r.error) return void 0;
  return { kind: "git", text: decodeBytes(r.stdout) };
}
function dpkgIndex(dpkgRoot, fs = realShippedFs, cache4 = defaultCache) {
  const infoDir = posix3.join(dpkgRoot, "info");
  const st = fs.stat(infoDir);
  if (!st?.isDirectory) return void 0;
  return cache4.dpkg.get(`${infoDir}\0${st.mtimeMs}`, () => {
    const byPath = /* @__PURE__ */ new Map();
    for (const name of fs.readdir(infoDir) ?? []) {
      if (!name.endsWith(".list")) continue;
      const bytes = fs.read(posix3.join(infoDir, name), MAX_DPKG_FILE);
      if (!bytes) continue;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
      const pkg = name.slice(0, -".list".length);
      for (let i = text.indexOf("/systemd/"); i >= 0; ) {
        const s = text.lastIndexOf("\n", i) + 1;
        let e = text.indexOf("\n", i);
        if (e < 0) e = text.length;
        byPath.set(text.slice(s, e), pkg);
        i = text.indexOf("/systemd/", e);
      }
    }
    return { infoDir, byPath };
  });
}
function relVariants(rel) {
  if (rel.startsWith("usr/lib/")) return [rel, rel.slice(4)];
  if (rel.startsWith("lib/")) return [rel, `usr/${rel}`];
  return [rel];
}
function dpkgReference(loc, dpkgRoot, fs, cache4) {
  const index = dpkgIndex(dpkgRoot, fs, cache4);
  if (!index) return void 0;
  for (const rel of relVariants(loc.rel)) {
    const pkg = index.byPath.get(`/${rel}`);
    if (!pkg) continue;
    const sums = fs.read(posix3.join(index.infoDir, `${pkg}.md5sums`), MAX_DPKG_FILE);
    if (!sums) continue;
    const text = Buffer.from(sums.buffer, sums.byteOffset, sums.byteLength).toString("latin1");
    for (const r of relVariants(loc.rel)) {
      const m = new RegExp(`^([0-9a-f]{32}) {2}${escapeRegExp(r)}$`, "m").exec(text);
      if (m) return { kind: "dpkg", pkg: ownString(pkg.replace(/:.*$/, "")), md5: ownString(m[1]) };
    }
  }
  return void 0;
}
function dpkgConffiles(dpkgRoot, fs = realShippedFs, cache4 = defaultCache) {
  const status = posix3.join(dpkgRoot, "status");
  const st = fs.stat(status);
  if (!st || st.isDirectory) return void 0;
  return cache4.conffiles.get(`${status}\0${st.mtimeMs}\0${st.size}`, () => {
    const bytes = fs.read(status, MAX_DPKG_FILE);
    if (!bytes) return void 0;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    const out = /* @__PURE__ */ new Map();
    for (const stanza of text.split(/\n\n+/)) {
      const i = stanza.indexOf("\nConffiles:\n");
      if (i < 0) continue;
      const pkg = /^Package: (\S+)/m.exec(stanza)?.[1];
      if (!pkg) continue;
      for (const line of stanza.slice(i + 12).split("\n")) {
        if (!line.startsWith(" ")) break;
        const m = /^ (\/etc(?:\/\S*)?\/(?:systemd|udev|kernel)\/\S*) ([0-9a-f]{32})$/.exec(line);
        if (m) out.set(m[1], { pkg, md5: m[2] });
      }
    }
    return out;
  });
}
function conffileInfo(path, current, loc, opts = {}) {
  try {
    if (!loc.rel.startsWith("etc/")) return void 0;
    const files = dpkgConffiles(
      opts.dpkgRoot ?? posix3.join(loc.root, "var/lib/dpkg"),
      opts.fs ?? realShippedFs,
      opts.cache ?? defaultCache
    );
    const ref = files?.get(`/${loc.rel}`);
    if (!ref) return void 0;
    const md5 = createHash("md5").update(encodeText(current)).digest("hex");
    const pkg = ref.pkg.replace(/:.*$/, "");
    return {
      path,
      source: "dpkg",
      from: `package ${pkg} (a conffile)`,
      text: void 0,
      differs: md5 !== ref.md5,
      package: pkg,
      conffile: true
    };
  } catch {
    return void 0;
  }
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function directiveKey(section, key2) {
  const c = canonicalDirective(section, key2);
  return `${c.section}\0${c.name}`;
}
function changedDirectives(current, shipped, unitType) {
  if (lastChanged && lastChanged.current === current && lastChanged.shipped === shipped && lastChanged.unitType === unitType)
    return lastChanged.keys;
  if (lastShipped?.text !== shipped) lastShipped = { text: shipped, effective: effectiveOfText(shipped, "base") };
  const keys = new Set(
    computeMinimalDropIn(lastShipped.effective, current, { unitType }).changed.map((c) => `${c.section}\0${c.key}`)
  );
  lastChanged = { current, shipped, unitType, keys };
  return keys;
}
function directiveAtLine(text, line) {
  const tree = parseUnit(text);
  for (const s of tree.sections) {
    if (!s.name) continue;
    for (const a of s.assignments)
      if (a.line <= line && line < a.line + Math.max(1, a.pieces.length)) return { section: s.name, key: a.key };
  }
  return void 0;
}
function lineDiffersFromShipped(current, shipped, line, unitType) {
  const d = directiveAtLine(current, line);
  return d !== void 0 && changedDirectives(current, shipped, unitType).has(directiveKey(d.section, d.key));
}
function planMoveToDropIn(current, shipped, opts = {}) {
  const min = computeMinimalDropIn(shipped, current, {
    unitType: opts.unitType,
    assumeEmptyResets: opts.assumeEmptyResets
  });
  const key2 = (s, k) => directiveKey(s, k);
  const blocked = new Set(min.cannotExpress.map((c) => key2(c.section, c.key)));
  let selected;
  if (opts.line === void 0) {
    selected = new Set(min.changed.map((c) => key2(c.section, c.key)));
  } else {
    const d = directiveAtLine(current, opts.line);
    selected = /* @__PURE__ */ new Set();
    if (d) {
      const k = key2(d.section, d.key);
      if (min.changed.some((c) => key2(c.section, c.key) === k)) {
        selected.add(k);
        const c = canonicalDirective(d.section, d.key);
        const group = resetGroupOf(c.section, c.name, c.info);
        if (group && min.groupResets.includes(`${c.section}/${group}`)) {
          for (const x of [...effectiveOfText(shipped).directives(), ...effectiveOfText(current).directives()]) {
            if (x.section === c.section && x.group === group) selected.add(`${x.section}\0${x.name}`);
          }
        }
      }
    }
  }
  const movable = new Set([...selected].filter((k) => !blocked.has(k)));
  const assignments2 = min.assignments.filter((a) => movable.has(key2(a.section, a.key)));
  const cannotExpress = min.cannotExpress.filter((c) => selected.has(key2(c.section, c.key)));
  const everything = opts.line === void 0 && cannotExpress.length === 0;
  const vendorText = everything ? shipped : revertDirectives(current, shipped, movable);
  const moved = [...movable].map((k) => {
    const [section, name] = k.split("\0");
    return { section, key: name };
  });
  return {
    dropInText: renderDropIn(assignments2),
    assignments: assignments2,
    vendorText,
    moved,
    cannotExpress,
    restored: vendorText === shipped
  };
}
function renderDropIn(assignments2) {
  const blocks = [];
  let section;
  let block = [];
  for (const a of assignments2) {
    if (a.section !== section) {
      if (section !== void 0) blocks.push(block.join(""));
      section = a.section;
      block = [`[${a.section}]
`];
    }
    block.push(`${a.key}=${a.value}
`);
  }
  if (section !== void 0) blocks.push(block.join(""));
  return blocks.join("\n");
}
function revertDirectives(current, shipped, keys) {
  if (keys.size === 0) return current;
  const eol = /\r\n/.test(current) ? "\r\n" : "\n";
  const linesOf = (text) => {
    const tree = parseUnit(text);
    const out2 = /* @__PURE__ */ new Map();
    for (const s of tree.sections) {
      if (!s.name) continue;
      for (const a of s.assignments) {
        const k = directiveKey(s.name, a.key);
        if (!keys.has(k)) continue;
        const l = out2.get(k);
        const item = { start: a.start, end: a.end, section: s.name };
        if (l) l.push(item);
        else out2.set(k, [item]);
      }
    }
    return { tree, out: out2 };
  };
  const cur = linesOf(current);
  const shp = linesOf(shipped);
  const withEol = (t2) => t2 === "" || /[\r\n]$/.test(t2) ? t2 : t2 + eol;
  const edits = [];
  const appendAtSectionEnd = /* @__PURE__ */ new Map();
  for (const k of keys) {
    const mine = cur.out.get(k) ?? [];
    const theirs = (shp.out.get(k) ?? []).map((a) => withEol(shipped.slice(a.start, a.end))).join("");
    if (mine.length) {
      mine.forEach((a, i) => edits.push({ start: a.start, end: a.end, text: i === 0 ? theirs : "" }));
    } else if (theirs) {
      const section = shp.out.get(k)[0].section;
      appendAtSectionEnd.set(section, (appendAtSectionEnd.get(section) ?? "") + theirs);
    }
  }
  let tail = "";
  for (const [section, text] of appendAtSectionEnd) {
    const s = [...cur.tree.sections].reverse().find((x) => x.name === section);
    const anchor = s ? s.assignments[s.assignments.length - 1] ?? s.header : void 0;
    if (anchor) {
      const open = !/[\r\n]$/.test(current.slice(anchor.start, anchor.end));
      edits.push({ start: anchor.end, end: anchor.end, text: (open ? eol : "") + text });
    } else {
      tail += `[${section}]${eol}${text}`;
    }
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = current;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (tail) {
    if (out !== "" && !/[\r\n]$/.test(out)) out += eol;
    out += (out === "" ? "" : eol) + tail;
  }
  return out;
}
var spawnRunner, realShippedFs, ShippedCache, defaultCache, DEFAULT_TIMEOUT_MS, MAX_DPKG_FILE, lastChanged, lastShipped;
var init_shipped = __esm({
  "server/src/units/shipped.ts"() {
    "use strict";
    init_bytes();
    init_parser();
    init_cache();
    init_effective();
    init_minimalDropIn();
    init_safeRead();
    init_searchPaths();
    init_unitWorld();
    spawnRunner = (file, args, o) => {
      const env = {};
      for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GIT_")) env[k] = v;
      env.GIT_TERMINAL_PROMPT = "0";
      env.GIT_NO_LAZY_FETCH = "1";
      env.LC_ALL = "C";
      const r = spawnSync(file, [...args], {
        timeout: o.timeoutMs,
        maxBuffer: o.maxBytes,
        stdio: ["ignore", "pipe", "ignore"],
        env,
        windowsHide: true,
        killSignal: "SIGKILL"
      });
      const code = r.error?.code;
      return {
        status: r.status,
        stdout: r.stdout ?? new Uint8Array(),
        timedOut: code === "ETIMEDOUT",
        error: r.error ? code ?? r.error.message : void 0
      };
    };
    realShippedFs = {
      stat(p) {
        try {
          const s = statSync2(p, { throwIfNoEntry: false });
          return s ? { mtimeMs: s.mtimeMs, size: s.size, isDirectory: s.isDirectory() } : void 0;
        } catch {
          return void 0;
        }
      },
      readdir(d) {
        try {
          return readdirSync2(d);
        } catch {
          return void 0;
        }
      },
      read(p, maxBytes) {
        const r = readTextFileSafe(p, { maxBytes });
        return r.ok ? r.bytes : void 0;
      }
    };
    ShippedCache = class {
      refs = new BoundedCache({ max: 512, ttlMs: 6e4 });
      /** Keyed by the info folder's mtime, which changes whenever a package is installed or removed. */
      dpkg = new BoundedCache({ max: 8, ttlMs: Infinity });
      /** Per git work tree: tracked and modified files (a short lifetime: the tree changes while you edit). */
      repos = new BoundedCache({ max: 16, ttlMs: 2e3 });
      /** Conffiles per dpkg status file, keyed by its mtime and size. */
      conffiles = new BoundedCache({
        max: 8,
        ttlMs: Infinity
      });
      /** Child processes started (for tests and measurements). */
      spawned = 0;
    };
    defaultCache = new ShippedCache();
    DEFAULT_TIMEOUT_MS = 2e3;
    MAX_DPKG_FILE = 64 * 1024 * 1024;
  }
});

// server/src/units/configHierarchy.ts
import { join as join5, posix as posix4 } from "node:path";
function findConfigHierarchy(dialect, name, opts = {}) {
  const fs = opts.fs ?? realFs;
  const roots = [opts.root ?? "/", ...opts.extraRoots ?? []];
  const reads = readRootsFor({ root: opts.root, extraRoots: opts.extraRoots, env: opts.env });
  const dirs = opts.dirs ?? dialect.recognition.searchDirs ?? [];
  const mains = [];
  const mainCandidates = [];
  const dropInDirs = [];
  for (const d of dirs) {
    for (const r of roots) {
      const p = join5(r, d, name);
      mainCandidates.push(p);
      const res = resolveInRoot(fs, r, p);
      if (res.type !== "missing" && res.type !== "dir") {
        mains.push({
          path: p,
          vendor: isVendorPath(`/${d}`),
          masked: res.masked,
          target: res.target,
          readRoots: reads.forPath(p)
        });
      }
      if (dialect.recognition.dropIns)
        dropInDirs.push({ dir: join5(r, d, `${name}.d`), vendor: isVendorPath(`/${d}`), level: "unit", root: r });
    }
  }
  return {
    dialect,
    name,
    main: mains[0],
    shadowedMains: mains.slice(1),
    mainCandidates,
    dropIns: listDropInFiles(dropInDirs, fs, reads.forPath),
    dropInDirs
  };
}
function mergeConfig(dialect, sources) {
  const out = [];
  const merged = /* @__PURE__ */ new Map();
  for (const src of sources) {
    const doc = parseUnit(src.text);
    for (const s of doc.sections) {
      const name = s.header ? s.header.name : dialect.sectionless ? "" : void 0;
      if (name === void 0 || s.header && !s.header.wellFormed) continue;
      let view;
      if (dialect.section(name)?.repeatable) {
        view = { name, object: { file: src.path, line: (s.header?.line ?? 0) + 1 }, entries: /* @__PURE__ */ new Map() };
        out.push(view);
      } else {
        const found = merged.get(name);
        if (found) view = found;
        else {
          view = { name, entries: /* @__PURE__ */ new Map() };
          merged.set(name, view);
          out.push(view);
        }
      }
      for (const a of s.assignments) {
        const info = dialect.lookup(name, a.key);
        const origin = { file: src.path, line: a.line + 1 };
        let e = view.entries.get(a.key);
        if (!e) {
          e = { key: a.key, values: [], unknown: !info && !a.key.startsWith("X-") };
          view.entries.set(a.key, e);
        }
        const list2 = info?.list ?? "no";
        if (a.value === "") {
          if (list2 !== "add-only") {
            e.values = [];
            e.resetBy = origin;
          }
        } else if (list2 === "no") {
          e.values = [{ value: a.value, origin, overrides: e.values.map((v) => v.origin) }];
        } else {
          e.values.push({ value: a.value, origin, overrides: [] });
        }
      }
    }
  }
  return out.map((s) => ({
    name: s.name,
    ...s.object ? { object: s.object } : {},
    entries: [...s.entries.values()]
  }));
}
function renderConfig(view, opts = {}) {
  const comments = opts.comments ?? true;
  const out = [];
  out.push(`# Effective configuration${opts.title ? ` of ${opts.title}` : ""}, merged from:`);
  for (const s of opts.sources ?? []) out.push(`#   ${s.path}${s.vendor ? " (vendor)" : ""}`);
  if (!opts.sources?.length) out.push("#   (no files)");
  for (const n of opts.notes ?? []) out.push(`# ${n}`);
  for (const s of view) {
    out.push("");
    if (s.name) out.push(`[${s.name}]`);
    if (s.object && comments) out.push(`# one object, from ${at(s.object)}`);
    for (const e of s.entries) {
      if (!e.values.length) {
        if (comments && e.resetBy) out.push(`# ${e.key}= cleared by ${at(e.resetBy)}`);
        continue;
      }
      e.values.forEach((v, i) => {
        if (comments) {
          let c = `# from ${at(v.origin)}`;
          if (v.overrides.length) c += `, overrides ${v.overrides.map(at).join(", ")}`;
          if (i === 0 && e.unknown) c += " (unknown: ignored)";
          out.push(c);
        }
        out.push(`${e.key}=${v.value}`);
      });
    }
  }
  return `${out.join("\n")}
`;
}
function loadEffectiveConfig(h, fs = realFs) {
  const sources = [];
  const skipped = [];
  for (const f of [...h.main ? [h.main] : [], ...h.dropIns]) {
    const r = readHierarchyFileResult(fs, f);
    if (!r.ok) skipped.push({ path: f.path, reason: r.reason });
    else sources.push({ path: f.path ?? posix4.normalize(f.target), text: r.text, vendor: f.vendor });
  }
  return { view: mergeConfig(h.dialect, sources), sources, skipped };
}
var at;
var init_configHierarchy = __esm({
  "server/src/units/configHierarchy.ts"() {
    "use strict";
    init_parser();
    init_hierarchy();
    at = (o) => `${o.file}:${o.line}`;
  }
});

// server/src/units/writeTarget.ts
import { posix as posix5 } from "node:path";
function rootOfConfigPath(path, name, dirs) {
  const p = normalize(path);
  for (const d of dirs) {
    for (const tail of [`/${d}/${name}`, `/${d}/${name}.d/`]) {
      const i = tail.endsWith("/") ? p.lastIndexOf(tail) : p.endsWith(tail) ? p.length - tail.length : -1;
      if (i < 0 || tail.endsWith("/") && p.indexOf("/", i + tail.length) >= 0) continue;
      return { root: p.slice(0, i) || "/", dir: d };
    }
  }
  return void 0;
}
function configFolderOf(path, name) {
  const p = normalize(path);
  const dir = dirname4(p);
  return posix5.basename(dir) === `${name}.d` ? dirname4(dir) : dir;
}
function isInside(path, folder) {
  const rel = relative(normalize(folder), normalize(path));
  return rel === "" || !rel.startsWith("..") && !isAbsolute2(rel);
}
function rootOfSystemdPath(path) {
  const m = ROOTED_PATH.exec(normalize(path));
  if (!m) return void 0;
  return { root: m[1] || "/", scope: m[2] === "user" ? "user" : "system" };
}
function mirrorsRoot(folder, scope, fs) {
  return MIRROR_MARKERS[scope].some((m) => fs.exists(join6(folder, m)));
}
function mirrorRoots(workspaceFolders, scope, fs) {
  return workspaceFolders.map((f) => normalize(f)).filter((f) => mirrorsRoot(f, scope, fs));
}
function folderFor(root, write, scope, env = {}) {
  if (write.kind === "configDropIn")
    return write.dirs.length ? join6(root, write.dirs[0], `${write.name}.d`) : void 0;
  const live = root === "/";
  let unitDir;
  if (scope === "system") unitDir = join6(root, "etc/systemd/system");
  else if (!live) unitDir = join6(root, "etc/systemd/user");
  else {
    const configHome = env.XDG_CONFIG_HOME || (env.HOME ? join6(env.HOME, ".config") : void 0);
    if (!configHome) return void 0;
    unitDir = join6(configHome, "systemd/user");
  }
  switch (write.kind) {
    case "unitDropIn":
      return join6(unitDir, `${write.unit}.d`);
    case "unitFiles":
      return unitDir;
    case "managerDropIn":
      return join6(root, "etc/systemd", scope === "system" ? "system.conf.d" : "user.conf.d");
  }
}
function nearestExisting(path, fs) {
  let d = path;
  while (!fs.exists(d) && d !== dirname4(d)) d = dirname4(d);
  return d;
}
function needsPrivileges(folder, fs) {
  const d = nearestExisting(folder, fs);
  return !(fs.isDir(d) && fs.canWrite(d));
}
function writeTargets(req) {
  const { fs, scope, write } = req;
  const env = req.env ?? {};
  const workspace = req.workspaceFolders.map((f) => normalize(f));
  const roots = [];
  const add = (r) => {
    const n = normalize(r);
    if (!roots.includes(n)) roots.push(n);
  };
  if (write.kind === "configDropIn") return configWriteTargets(req, workspace);
  const docRoot = req.documentPath ? rootOfSystemdPath(req.documentPath) : void 0;
  if (docRoot && docRoot.root !== "/") add(docRoot.root);
  for (const r of mirrorRoots(workspace, scope, fs)) add(r);
  if (write.kind === "unitFiles" && !roots.some((r) => workspace.some((w) => isInside(r, w))))
    for (const w of workspace) add(w);
  add("/");
  const targets = [];
  let hadDefault = false;
  for (const root of roots) {
    const folder = folderFor(root, write, scope, env);
    if (!folder) continue;
    const live = root === "/";
    const ws = workspace.find((w) => isInside(folder, w));
    const insideWorkspace = ws !== void 0;
    const isDefault = !hadDefault && insideWorkspace && !live;
    if (isDefault) hadDefault = true;
    const description = live ? scope === "user" ? "your user configuration on this machine (live)" : "this machine's live configuration" : docRoot && docRoot.root === root ? `the ${insideWorkspace ? "workspace " : ""}mirror this file belongs to` : insideWorkspace ? `in workspace folder ${ws}` : "a mirror outside the workspace";
    targets.push({
      folder,
      root,
      ofDocument: docRoot?.root === root,
      insideWorkspace,
      workspaceFolder: ws,
      live,
      needsPrivileges: needsPrivileges(folder, fs),
      isDefault,
      needsConfirmation: live || !insideWorkspace,
      description
    });
  }
  targets.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  if (!targets.length)
    return { targets, reason: "neither XDG_CONFIG_HOME nor HOME is set, so the user configuration folder is unknown" };
  return { targets, defaultTarget: targets.find((t2) => t2.isDefault) };
}
function configWriteTargets(req, workspace) {
  const write = req.write;
  const { fs } = req;
  const make = (folder, root, ofDocument, description) => {
    const live = root === "/";
    const ws = workspace.find((w) => isInside(folder, w));
    return {
      folder,
      root,
      ofDocument,
      insideWorkspace: ws !== void 0,
      workspaceFolder: ws,
      live,
      needsPrivileges: needsPrivileges(folder, fs),
      needsConfirmation: live || ws === void 0,
      description
    };
  };
  const found = [];
  const docRoot = req.documentPath ? rootOfConfigPath(req.documentPath, write.name, write.dirs) : void 0;
  if (req.documentPath && !docRoot) {
    const folder = join6(configFolderOf(req.documentPath, write.name), `${write.name}.d`);
    const inWs = workspace.some((w) => isInside(folder, w));
    const outside = write.dirs.length ? " (not one of the folders its program reads)" : "";
    found.push(
      make(folder, dirname4(folder), true, `next to ${write.name}${inWs ? " in the workspace" : ""}${outside}`)
    );
  } else if (write.dirs.length) {
    const roots = [];
    const add = (r) => {
      const n = normalize(r);
      if (!roots.includes(n)) roots.push(n);
    };
    if (docRoot && docRoot.root !== "/") add(docRoot.root);
    for (const w of workspace)
      if (mirrorsRoot(w, "system", fs) || write.dirs.some((d) => fs.exists(join6(w, d)))) add(w);
    add("/");
    for (const root of roots) {
      const folder = join6(root, write.dirs[0], `${write.name}.d`);
      const inWs = workspace.find((w) => isInside(folder, w));
      const description = root === "/" ? "this machine's live configuration" : docRoot?.root === root ? `the ${inWs ? "workspace " : ""}mirror this file belongs to` : inWs ? `in workspace folder ${inWs}` : "a mirror outside the workspace";
      found.push(make(folder, root, docRoot?.root === root, description));
    }
  }
  let hadDefault = false;
  const targets = found.map((t2) => {
    const isDefault = !hadDefault && t2.insideWorkspace && !t2.live;
    if (isDefault) hadDefault = true;
    return { ...t2, isDefault };
  });
  targets.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  if (!targets.length) return { targets, reason: `no folder is known for drop-ins of ${write.name}` };
  return { targets, defaultTarget: targets.find((t2) => t2.isDefault) };
}
var join6, dirname4, normalize, relative, isAbsolute2, MIRROR_MARKERS, ROOTED_PATH;
var init_writeTarget = __esm({
  "server/src/units/writeTarget.ts"() {
    "use strict";
    ({ join: join6, dirname: dirname4, normalize, relative, isAbsolute: isAbsolute2 } = posix5);
    MIRROR_MARKERS = {
      system: [
        "etc/systemd/system",
        "usr/lib/systemd/system",
        "lib/systemd/system",
        "usr/local/lib/systemd/system",
        "etc/systemd/system.conf"
      ],
      user: ["etc/systemd/user", "usr/lib/systemd/user", "usr/local/lib/systemd/user", "etc/systemd/user.conf"]
    };
    ROOTED_PATH = /^(.*?)\/(?:etc|run|usr\/local\/lib|usr\/lib|lib|usr\/share|usr\/local\/share)\/systemd\/(system|user)(?:\/|\.conf$|\.conf\.d\/)/;
  }
});

// server/src/units/configDropIn.ts
import { posix as posix6 } from "node:path";
function configPlaceOf(path, dialect, name) {
  const at2 = rootOfConfigPath(path, name, dialect.recognition.searchDirs ?? []);
  if (at2) {
    const root = at2.root;
    return {
      root,
      dirs: void 0,
      roots: root === "/" ? ["/"] : [root, "/"],
      vendor: isVendorPath(`/${at2.dir}/`),
      searched: true
    };
  }
  const p = normalize2(path);
  const dir = basename4(dirname5(p)) === `${name}.d` ? dirname5(dirname5(p)) : dirname5(p);
  return { root: dir, dirs: ["."], roots: [dir], vendor: false, searched: false };
}
function configHierarchyOf(path, dialect, name, fs) {
  const place = configPlaceOf(path, dialect, name);
  let h;
  for (const root of place.roots) {
    h = findConfigHierarchy(dialect, name, {
      root,
      ...fs ? { fs } : {},
      ...place.dirs ? { dirs: place.dirs } : {}
    });
    if (h.main || h.dropIns.length) return h;
  }
  return h;
}
function vendorConfigLocation(path, dialect, name) {
  const place = configPlaceOf(path, dialect, name);
  if (!place.vendor || !path.startsWith("/")) return void 0;
  const rel = posix6.relative(place.root, normalize2(path));
  return rel.startsWith("..") ? void 0 : { root: place.root, rel };
}
function applyCommandOf(dialect) {
  switch (dialect.id) {
    case "network":
      return { command: "networkctl reload" };
    case "netdev":
      return {
        command: "networkctl reload",
        caveat: "a device that already exists keeps its settings until it is deleted (networkctl delete) or the machine restarts"
      };
    case "link":
      return {
        command: "udevadm control --reload",
        caveat: "a .link file applies when the interface appears: udevadm trigger, or a restart"
      };
    case "udev":
      return { command: "udevadm control --reload" };
    default: {
      const daemon = DAEMON_OF[dialect.id];
      return daemon ? { command: `systemctl restart ${daemon}` } : void 0;
    }
  }
}
function etcConfigLocation(path, dialect, name) {
  const place = configPlaceOf(path, dialect, name);
  if (!place.searched || place.vendor || !path.startsWith("/")) return void 0;
  const rel = posix6.relative(place.root, normalize2(path));
  return rel.startsWith("etc/") ? { root: place.root, rel } : void 0;
}
function configOverrideTemplate(dialect, view, opts) {
  const lines = [
    `# Drop-in for ${opts.name}${opts.path ? ` (${opts.path})` : ""}.`,
    "# The commented lines show the current effective settings and where they come from.",
    "# Uncomment and change what you need; settings you do not write here keep their current value."
  ];
  const plain = view.filter((s) => !dialect.section(s.name)?.repeatable);
  const objects = [...new Set(view.filter((s) => dialect.section(s.name)?.repeatable).map((s) => s.name))];
  const sections = plain.length ? plain : [{ name: dialect.sectionless ? "" : dialect.sections[0] ?? "", entries: [] }];
  for (const s of sections) {
    lines.push("");
    if (s.name) lines.push(`[${s.name}]`);
    for (const e of s.entries) {
      if (!e.values.length) continue;
      const mode = dialect.lookup(s.name, e.key)?.list ?? "no";
      if (mode === "add-only") lines.push(`# (${e.key}= can only be added to in a drop-in, never reduced)`);
      else if (mode !== "no")
        lines.push(`# (${e.key}= is a list: write an empty "${e.key}=" first to replace it rather than add to it)`);
      for (const v of e.values) {
        lines.push(`# from ${v.origin.file}:${v.origin.line}`);
        lines.push(`# ${e.key}=${v.value}`);
      }
    }
  }
  if (objects.length) {
    lines.push(
      "",
      `# ${objects.map((o) => `[${o}]`).join(", ")}: each header written here adds one more object; it does not change the ones already set.`
    );
  }
  return `${lines.join("\n")}
`;
}
function objectText(s) {
  return s.entries.flatMap((e) => e.values.map((v) => `${e.key}=${v.value}`)).join("\n");
}
function diffConfig(dialect, shipped, current) {
  const before = mergeConfig(dialect, [{ path: "shipped", text: shipped }]);
  const after = mergeConfig(dialect, [{ path: "current", text: current }]);
  const changed = /* @__PURE__ */ new Set();
  const changedObjects = /* @__PURE__ */ new Set();
  const assignments2 = /* @__PURE__ */ new Map();
  const cannotExpress = [];
  const addedObjects = [];
  const label = (s, k) => s ? `[${s}] ${k}=` : `${k}=`;
  const plain = (v) => new Map(v.filter((s) => !dialect.section(s.name)?.repeatable).map((s) => [s.name, s]));
  const pb = plain(before);
  const pa = plain(after);
  for (const name of /* @__PURE__ */ new Set([...pb.keys(), ...pa.keys()])) {
    const eb = new Map((pb.get(name)?.entries ?? []).map((e) => [e.key, e.values.map((v) => v.value)]));
    const ea = new Map((pa.get(name)?.entries ?? []).map((e) => [e.key, e.values.map((v) => v.value)]));
    for (const key2 of /* @__PURE__ */ new Set([...eb.keys(), ...ea.keys()])) {
      const vb = eb.get(key2) ?? [];
      const va = ea.get(key2) ?? [];
      if (vb.length === va.length && vb.every((v, i) => v === va[i])) continue;
      const k = keyOf(name, key2);
      changed.add(k);
      const mode = dialect.lookup(name, key2)?.list ?? "no";
      if (!va.length) {
        cannotExpress.push({
          section: name,
          key: key2,
          reason: `${label(name, key2)} was removed: a drop-in cannot give it back its built-in default. Write the value you want in the drop-in instead, or keep the vendor file's line.`
        });
      } else if (mode === "no") {
        assignments2.set(k, [{ section: name, key: key2, value: va[va.length - 1] }]);
      } else if (vb.every((v, i) => v === va[i])) {
        assignments2.set(
          k,
          va.slice(vb.length).map((value) => ({ section: name, key: key2, value }))
        );
      } else if (mode === "add-only") {
        cannotExpress.push({
          section: name,
          key: key2,
          reason: `${label(name, key2)} can only be added to in a drop-in: removing or changing one of its values must stay in the vendor file.`
        });
      } else {
        assignments2.set(k, [{ section: name, key: key2, value: "" }, ...va.map((value) => ({ section: name, key: key2, value }))]);
      }
    }
  }
  const objects = (v) => v.filter((s) => dialect.section(s.name)?.repeatable);
  const remaining = /* @__PURE__ */ new Map();
  for (const s of objects(before)) {
    const t2 = `${s.name}\0${objectText(s)}`;
    remaining.set(t2, (remaining.get(t2) ?? 0) + 1);
  }
  for (const s of objects(after)) {
    const t2 = `${s.name}\0${objectText(s)}`;
    const n = remaining.get(t2) ?? 0;
    if (n > 0) {
      remaining.set(t2, n - 1);
      continue;
    }
    changedObjects.add(s.name);
    addedObjects.push({
      section: s.name,
      entries: s.entries.flatMap((e) => e.values.map((v) => ({ section: s.name, key: e.key, value: v.value })))
    });
  }
  for (const [t2, n] of remaining) {
    if (n <= 0) continue;
    const section = t2.slice(0, t2.indexOf("\0"));
    changedObjects.add(section);
    cannotExpress.push({
      section,
      key: "",
      reason: `A [${section}] object of the shipped file was removed or changed: a drop-in can only add objects, so that change stays in the vendor file.`
    });
  }
  return { changed, changedObjects, assignments: assignments2, addedObjects, cannotExpress };
}
function configLineDiffers(dialect, current, shipped, line) {
  const at2 = keyAtLine(dialect, current, line);
  if (!at2) return false;
  const d = diffConfig(dialect, shipped, current);
  return at2.repeatable ? d.changedObjects.has(at2.section) : d.changed.has(keyOf(at2.section, at2.key));
}
function keyAtLine(dialect, text, line) {
  for (const s of parseUnit(text).sections) {
    const section = s.header ? s.header.name : dialect.sectionless ? "" : void 0;
    if (section === void 0) continue;
    for (const a of s.assignments) {
      if (a.line <= line && line < a.line + Math.max(1, a.pieces.length))
        return { section, key: a.key, repeatable: !!dialect.section(section)?.repeatable };
    }
  }
  return void 0;
}
function planConfigMove(dialect, current, shipped, line) {
  const d = diffConfig(dialect, shipped, current);
  let keys = [...d.assignments.keys()];
  let objects = d.addedObjects;
  let cannot = d.cannotExpress;
  if (line !== void 0) {
    const at2 = keyAtLine(dialect, current, line);
    keys = at2 && !at2.repeatable ? keys.filter((k) => k === keyOf(at2.section, at2.key)) : [];
    objects = [];
    cannot = at2 ? cannot.filter((c) => c.section === at2.section && (at2.repeatable ? c.key === "" : c.key === at2.key)) : [];
    if (at2?.repeatable && d.changedObjects.has(at2.section)) {
      cannot = [
        ...cannot,
        {
          section: at2.section,
          key: at2.key,
          reason: `A line of a [${at2.section}] object moves only with its whole object: move every change of the file instead.`
        }
      ];
    }
  }
  const blocks = [];
  const bySection = /* @__PURE__ */ new Map();
  for (const k of keys)
    for (const a of d.assignments.get(k) ?? []) {
      const l = bySection.get(a.section);
      if (l) l.push(a);
      else bySection.set(a.section, [a]);
    }
  for (const [section, list2] of bySection)
    blocks.push(`${section ? `[${section}]
` : ""}${list2.map((a) => `${a.key}=${a.value}
`).join("")}`);
  for (const o of objects) blocks.push(`[${o.section}]
${o.entries.map((a) => `${a.key}=${a.value}
`).join("")}`);
  const dropInText = blocks.join("\n");
  const everything = line === void 0 && cannot.length === 0;
  const vendorText = everything ? shipped : revertDirectives(current, shipped, new Set(keys.filter((k) => !k.startsWith("\0"))));
  return { dropInText, vendorText, cannotExpress: cannot, restored: vendorText === shipped };
}
var dirname5, basename4, normalize2, DAEMON_OF, keyOf;
var init_configDropIn = __esm({
  "server/src/units/configDropIn.ts"() {
    "use strict";
    init_parser();
    init_configHierarchy();
    init_hierarchy();
    init_shipped();
    init_writeTarget();
    ({ dirname: dirname5, basename: basename4, normalize: normalize2 } = posix6);
    DAEMON_OF = {
      journald: "systemd-journald",
      logind: "systemd-logind",
      resolved: "systemd-resolved",
      timesyncd: "systemd-timesyncd",
      oomd: "systemd-oomd",
      homed: "systemd-homed",
      "journal-remote": "systemd-journal-remote",
      "journal-upload": "systemd-journal-upload",
      networkd: "systemd-networkd"
    };
    keyOf = (section, key2) => `${section}\0${key2}`;
  }
});

// server/src/units/quadletFiles.ts
import { readdirSync as readdirSync3, statSync as statSync3 } from "node:fs";
import { join as join7, dirname as dirname6 } from "node:path";
function quadletSearchFolders(path) {
  const norm = path.split("\\").join("/");
  const i = norm.lastIndexOf("/containers/systemd/");
  if (i < 0) return [dirname6(norm)];
  const prefix = norm.slice(0, i);
  const tree = `${prefix}/containers/systemd`;
  const sys = /^(.*?)\/(etc|usr\/share|run)$/.exec(prefix);
  if (sys) {
    const root = sys[1];
    const rest2 = norm.slice(i + "/containers/systemd/".length);
    const users = sys[2] === "etc" && rest2.startsWith("users/");
    const out = [
      `${root}/run/containers/systemd`,
      `${root}/etc/containers/systemd`,
      `${root}/usr/share/containers/systemd`
    ];
    return users ? [tree, ...out.slice(0, 2)] : out;
  }
  const home = /^(.*?)\/(?:home\/[^/]+|root)\/\.config$/.exec(prefix);
  if (home) return [tree, `${home[1]}/etc/containers/systemd/users`];
  return [tree];
}
function quadletScopeOf(path) {
  const norm = path.split("\\").join("/");
  if (/\/\.config\/containers\/systemd\//.test(norm) || /\/etc\/containers\/systemd\/users\//.test(norm)) return "user";
  if (/\/(?:etc|usr\/share|run)\/containers\/systemd\//.test(norm)) return "system";
  return void 0;
}
function walk(dir, depth, out) {
  if (out.length >= MAX_FILES || depth > MAX_DEPTH) return;
  const names = listing.get(dir, () => {
    try {
      return readdirSync3(dir).sort();
    } catch {
      return [];
    }
  });
  for (const n of names) {
    if (out.length >= MAX_FILES) return;
    const p = join7(dir, n);
    let st;
    try {
      st = statSync3(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!n.endsWith(".d") && n !== "node_modules" && n !== ".git") walk(p, depth + 1, out);
    } else if (st.isFile() && st.size <= MAX_BYTES) {
      const k = fileKindOf(p);
      if (k.kind === "config" && k.dialect.startsWith("quadlet-") && !k.dropIn) out.push(p);
    }
  }
}
function quadletFilesAround(path, loader, opts = {}) {
  const folders = quadletSearchFolders(path);
  const files = [];
  for (const f of folders) walk(f, 0, files);
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const p of files) {
    if (seen.has(p)) continue;
    seen.add(p);
    try {
      const st = statSync3(p);
      const hit = loaded.peek(p);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.loader === loader) {
        out.push({ path: p, unit: hit.unit });
        continue;
      }
      const r = readTextFileSafe(p, { maxBytes: MAX_BYTES, allowedRoots: [...folders, ...opts.readRoots ?? []] });
      if (!r.ok) continue;
      const unit = loader(p, r.text);
      loaded.set(p, { mtimeMs: st.mtimeMs, loader, unit });
      out.push({ path: p, unit });
    } catch {
    }
  }
  return out;
}
function quadletServiceName(fileName, serviceName) {
  const dot = fileName.lastIndexOf(".");
  const type = dot > 0 ? fileName.slice(dot + 1) : "";
  if (!(type in UNIT_SUFFIX)) return void 0;
  const base = fileName.slice(0, dot);
  if (serviceName) return `${serviceName}.service`;
  const at2 = base.indexOf("@");
  const suffix = UNIT_SUFFIX[type];
  return at2 >= 0 ? `${base.slice(0, at2)}${suffix}${base.slice(at2)}.service` : `${base}${suffix}.service`;
}
var MAX_FILES, MAX_DEPTH, MAX_BYTES, listing, loaded, UNIT_SUFFIX;
var init_quadletFiles = __esm({
  "server/src/units/quadletFiles.ts"() {
    "use strict";
    init_fileKind();
    init_safeRead();
    init_cache();
    MAX_FILES = 500;
    MAX_DEPTH = 6;
    MAX_BYTES = 1024 * 1024;
    listing = new BoundedCache({ max: 200, ttlMs: 3e3 });
    loaded = new BoundedCache({
      max: 2e3,
      ttlMs: Infinity
    });
    UNIT_SUFFIX = {
      container: "",
      kube: "",
      volume: "-volume",
      network: "-network",
      image: "-image",
      build: "-build",
      pod: "-pod",
      artifact: "-artifact"
    };
  }
});

// server/src/services/rules/quadlet.ts
function podmanNewer(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}
function quadletValues(entries, section) {
  const by = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (e.section.status !== "ok" || e.section.section.header?.name !== section) continue;
    const k = e.node.key;
    if (e.node.value === "") {
      by.set(k, []);
      continue;
    }
    const l = by.get(k);
    if (l) l.push(e);
    else by.set(k, [e]);
  }
  return {
    all: (key2) => by.get(key2) ?? [],
    last: (key2) => {
      const l = by.get(key2);
      return l?.[l.length - 1];
    },
    has: (key2) => (by.get(key2)?.length ?? 0) > 0
  };
}
function isFullyQualifiedImage(image) {
  if (/^(?:sha256:)?[0-9a-f]{64}$/.test(image)) return true;
  const slash = image.indexOf("/");
  if (slash < 0) return false;
  const first = image.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost";
}
function run2(ctx, t2) {
  const { analysis } = ctx;
  const dialectId = analysis.dialect.id;
  const section = quadletSection(t2);
  const dropIn = analysis.file.kind === "config" && analysis.file.dropIn;
  const target = ctx.options.podmanVersion ?? NEWEST_PODMAN;
  const v = quadletValues(analysis.entries, section);
  const selfPath = ctx.options.workspace?.().find((u) => u.analysis === analysis)?.path ?? "";
  const refused = (e, message, span) => {
    const at2 = span ?? (e ? { start: e.node.keySpan.start, end: e.node.valueSpan.end } : headerSpan());
    ctx.report(
      { ...at2, code: "quadlet-conversion-error", message: `${message} Quadlet generates no unit for this file.` },
      e
    );
  };
  function headerSpan() {
    const h = analysis.sections.find((s) => s.section.header?.name === section)?.section.header;
    if (h) return { start: h.nameSpan.start, end: h.nameSpan.end };
    const first = analysis.doc.nodes.find((n) => n.kind !== "blank" && n.kind !== "comment");
    const end = first ? first.start + analysis.doc.text.slice(first.start, first.end).replace(/[\r\n]+$/, "").length : 0;
    return { start: first?.start ?? 0, end };
  }
  const typeSince = quadletTypeSince(t2);
  if (!dropIn && podmanNewer(typeSince, target)) {
    ctx.report({
      ...headerSpan(),
      code: "quadlet-newer-than-podman",
      message: `.${t2} files were added in podman ${typeSince}; podman ${target} (the target version) does not read them at all.`
    });
    return;
  }
  for (const e of analysis.entries) {
    const name = e.section.section.header?.name;
    if (!e.info || !name || name !== section && name !== "Quadlet") continue;
    const since = quadletKeySince(dialectId, name, e.node.key);
    if (since && podmanNewer(since, target) && name === "Quadlet" && podmanNewer("5.3.0", target)) {
      ctx.report(
        {
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: "quadlet-newer-than-podman",
          severity: "warning",
          message: `[Quadlet] ${e.node.key}= was added in podman ${since}; podman ${target} (the target version) copies the [Quadlet] section into the generated unit, where systemd ignores it, so this has no effect.`
        },
        e
      );
    } else if (since && podmanNewer(since, target)) {
      ctx.report(
        {
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: "quadlet-newer-than-podman",
          message: `${e.node.key}= was added to [${name}] in podman ${since}; podman ${target} (the target version) refuses it as an unsupported key, and Quadlet generates no unit for this file.`
        },
        e
      );
    }
    if (e.info.kind === "bool" && /^(?:y|t)$/i.test(e.node.value.trim())) {
      ctx.report(
        {
          start: e.node.valueSpan.start,
          end: e.node.valueSpan.end,
          code: "quadlet-boolean-false",
          message: `Quadlet reads '${e.node.value}' as false: only 1, yes, true and on are true in a Quadlet section.`,
          data: { suggestions: ["yes"] }
        },
        e
      );
    }
  }
  const service = quadletValues(analysis.entries, "Service");
  const rowFor = (key2) => quadletUnitRows().find((r) => r[1] === "Service" && r[2] === key2 && (r[0] === `.${t2}` || r[0] === "*"))?.[3];
  for (const key2 of ["User", "Group", "DynamicUser"]) {
    for (const e of service.all(key2)) {
      ctx.report({
        start: e.node.keySpan.start,
        end: e.node.keySpan.end,
        code: "quadlet-service-setting",
        message: `podman warns about ${key2}= in [Service] of a Quadlet file ("not supported - use at your own risk"): it changes who runs podman itself, not the container.${t2 === "container" && key2 !== "DynamicUser" ? ` Use ${key2}= in [Container] for the container's ${key2 === "User" ? "user" : "group"}.` : ""}`
      });
    }
  }
  if (t2 === "container" || t2 === "kube") {
    const type = service.last("Type");
    if (type && !["notify", "oneshot"].includes(type.node.value.trim()) && rowFor("Type")) {
      refused(
        type,
        `Quadlet accepts only Type=notify or Type=oneshot in [Service] of a .${t2} file, not '${type.node.value}'.`,
        type.node.valueSpan
      );
    }
    const kill = service.last("KillMode");
    if (kill && !["mixed", "control-group"].includes(kill.node.value.trim()) && rowFor("KillMode")) {
      refused(
        kill,
        `Quadlet accepts only KillMode=mixed or KillMode=control-group in [Service] of a .${t2} file, not '${kill.node.value}'.`,
        kill.node.valueSpan
      );
    }
  }
  if (t2 === "pod") {
    for (const key2 of ["Type", "Restart"]) {
      const e = service.last(key2);
      if (e && rowFor(key2)) {
        ctx.report({
          start: e.node.keySpan.start,
          end: e.node.valueSpan.end,
          code: "quadlet-service-setting",
          message: `Quadlet sets ${key2}=${key2 === "Type" ? "forking" : "on-failure"} in a pod's service itself; this ${key2}= is overwritten.`
        });
      }
    }
  }
  if (!dropIn) {
    if (t2 === "container" && v.has("Image") && v.has("Rootfs"))
      refused(v.last("Rootfs"), "Image= and Rootfs= cannot both be set.");
    if (t2 === "volume") {
      for (const key2 of ["Type", "Options"])
        if (v.has(key2) && !v.has("Device")) refused(v.last(key2), `${key2}= needs Device= in [Volume].`);
      const driver = v.last("Driver");
      if (driver?.node.value.trim() === "image" && !v.has("Image"))
        refused(driver, "Driver=image needs Image= (the image the volume is made from).");
    }
    if (t2 === "network") {
      const subnets = v.all("Subnet").length;
      for (const [key2, what] of [
        ["Gateway", "gateways"],
        ["IPRange", "ranges"]
      ]) {
        const list2 = v.all(key2);
        if (!list2.length) continue;
        if (subnets === 0) refused(list2[0], `${key2}= needs a Subnet= line to pair with.`);
        else if (list2.length > subnets)
          refused(
            list2[subnets],
            `More ${what} (${list2.length}) than subnets (${subnets}): each ${key2}= pairs with a Subnet= line in order.`
          );
      }
    }
    if (t2 === "container" && v.has("Group") && !v.has("User"))
      refused(v.last("Group"), "Group= needs User= in [Container].");
    if (t2 === "build") {
      const file = v.last("File")?.node.value.trim();
      if (file && !file.startsWith("/") && !/^[a-z][a-z0-9+.-]*:\/\//i.test(file) && !v.has("SetWorkingDirectory")) {
        refused(
          v.last("File"),
          `A relative File= (${file}) needs SetWorkingDirectory= to say where the build context is.`
        );
      }
    }
  }
  if (t2 === "container" && v.has("ReloadCmd") && v.has("ReloadSignal"))
    refused(v.last("ReloadSignal"), "ReloadCmd= and ReloadSignal= cannot both be set.");
  if (t2 === "container" || t2 === "kube" || t2 === "pod") {
    const remap = v.last("RemapUsers");
    const mode = remap?.node.value.trim();
    if (remap && mode && !["manual", "auto", "keep-id"].includes(mode))
      refused(remap, `RemapUsers= takes manual, auto or keep-id, not '${mode}'.`, remap.node.valueSpan);
    else if (remap && mode === "manual" && t2 === "kube")
      refused(remap, "RemapUsers=manual is not supported in a .kube file.", remap.node.valueSpan);
    else if (remap && mode === "keep-id" && quadletScopeOf(selfPath) === "system")
      refused(
        remap,
        "RemapUsers=keep-id works only for a user's Quadlet files, not for system units.",
        remap.node.valueSpan
      );
    if (!remap) {
      for (const key2 of ["RemapUid", "RemapGid"]) if (v.has(key2)) refused(v.last(key2), `${key2}= needs RemapUsers=.`);
    }
    const mapping = MAPPING_KEYS.find((k) => v.has(k));
    const old = REMAP_KEYS.find((k) => v.has(k));
    if (mapping && old)
      refused(
        v.last(old),
        `The deprecated ${old}= cannot be combined with ${mapping}=; use ${mapping}= (and UIDMap=/GIDMap=) alone.`
      );
  }
  if (t2 === "kube") {
    const swd = v.last("SetWorkingDirectory");
    const mode = swd?.node.value.trim();
    if (swd && mode === "yaml" && v.all("Yaml").length !== 1)
      refused(swd, "SetWorkingDirectory=yaml works only with exactly one Yaml=.");
  }
  if (t2 === "container") {
    for (const e of v.all("ExposeHostPort")) {
      if (!/^\d{1,5}(?:-\d{1,5})?(?:\/(?:tcp|udp))?$/.test(e.node.value.trim()))
        refused(e, `ExposeHostPort= takes PORT[-PORT][/tcp|/udp], not '${e.node.value}'.`, e.node.valueSpan);
    }
    for (const e of v.all("Tmpfs")) {
      if ((e.node.value.match(/:/g) ?? []).length > 1)
        refused(e, `Tmpfs= takes CONTAINER-DIR[:OPTIONS] (one ':'), not '${e.node.value}'.`, e.node.valueSpan);
    }
    for (const e of v.all("Mount")) {
      const parts = parseMount(e.node.value);
      if (parts.type === "image" && !parts.source)
        refused(e, "A Mount= of type=image needs source= (the image to mount).", e.node.valueSpan);
    }
  }
  checkReferences(ctx, t2, selfPath);
  if (t2 === "container" || t2 === "image" || t2 === "volume") {
    const img = v.last("Image");
    const name = img?.node.value.trim();
    if (img && name && !REF_SUFFIX.test(name) && !isFullyQualifiedImage(name)) {
      ctx.report({
        start: img.node.valueSpan.start,
        end: img.node.valueSpan.end,
        code: "quadlet-short-image-name",
        message: `'${name}' is not a fully qualified image name; podman warns, and the image is looked up through registries.conf, which may be ambiguous. Name the registry (docker.io/library/${name.includes("/") ? name : name}, quay.io/\u2026).`
      });
    }
  }
}
function parseMount(value) {
  const out = {};
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    const k = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const val = eq < 0 ? "" : part.slice(eq + 1).trim();
    if (k === "type") out.type = val;
    else if (k === "source" || k === "src") out.source = val;
    else if (k === "destination" || k === "dst" || k === "target") out.destination = val;
  }
  return out;
}
function quadletRefsIn(section, key2, value) {
  const ref = (name, start) => {
    const m = REF_SUFFIX.exec(name);
    return m && name.length > m[0].length && !name.includes("/") ? [{ name, start, end: start + name.length, type: m[1] }] : [];
  };
  if (section === "Unit") {
    if (!UNIT_DEP_KEYS.includes(key2)) return [];
    const out = [];
    for (const m of value.matchAll(/\S+/g)) out.push(...ref(m[0], m.index));
    return out;
  }
  switch (key2) {
    case "Pod":
    case "Image":
      return ref(value.trim(), value.length - value.trimStart().length);
    case "Network": {
      const lead = value.length - value.trimStart().length;
      const v = value.trim();
      if (v.startsWith("container:")) return ref(v.slice(10), lead + 10);
      return ref(v.split(":")[0], lead);
    }
    case "Volume": {
      const lead = value.length - value.trimStart().length;
      const v = value.trim();
      return v.includes(":") ? ref(v.split(":")[0], lead) : [];
    }
    case "Mount": {
      const out = [];
      let at2 = 0;
      for (const part of value.split(",")) {
        const m = /^\s*(source|src)=(.*)$/i.exec(part);
        if (m) out.push(...ref(m[2].trim(), at2 + part.indexOf("=") + 1 + (m[2].length - m[2].trimStart().length)));
        at2 += part.length + 1;
      }
      return out;
    }
    default:
      return [];
  }
}
function checkReferences(ctx, t2, selfPath) {
  const { analysis } = ctx;
  const known = /* @__PURE__ */ new Set();
  let haveWorkspace = false;
  for (const u of ctx.options.workspace?.() ?? []) {
    haveWorkspace = true;
    const f = u.analysis.file;
    if (f.kind === "config" && !f.dropIn && quadletTypeOf(f.dialect)) known.add(f.name);
  }
  if (!haveWorkspace) return;
  const section = quadletSection(t2);
  for (const e of analysis.entries) {
    const name = e.section.section.header?.name;
    if (e.section.status !== "ok" || !name || name !== section && name !== "Unit" || e.node.value === "") continue;
    const key2 = e.node.key;
    if (name === section && !REF_TYPES[key2]) continue;
    for (const r of quadletRefsIn(name, key2, e.node.value)) {
      const span = valueSpan(e, r);
      const allowed = name === "Unit" ? void 0 : REF_TYPES[key2];
      if (allowed && !allowed.includes(r.type)) {
        if (key2 === "Pod" || key2 === "Image" && t2 === "container") {
          ctx.report(
            {
              ...span,
              code: "quadlet-conversion-error",
              message: `${key2}= takes ${allowed.map((x) => `NAME.${x}`).join(" or ")} here, not a .${r.type} file. Quadlet generates no unit for this file.`
            },
            e
          );
        }
        continue;
      }
      if (key2 === "Network" && r.type === "container" && !e.node.value.trim().startsWith("container:") && e.node.value.includes(":")) {
        ctx.report(
          {
            ...span,
            code: "quadlet-conversion-error",
            message: `Network=${r.name} shares that container's network and takes no options. Quadlet generates no unit for this file.`
          },
          e
        );
      }
      if (known.has(r.name) || known.has(r.name.replace(/@[^.]*\./, "@."))) continue;
      ctx.report(
        {
          ...span,
          code: "quadlet-unknown-reference",
          message: `${r.name} is not among the Quadlet files podman reads here (this folder${selfPath.includes("/containers/systemd/") ? " and the other containers/systemd/ folders" : ""}); the generator fails on it and generates no unit for this file.${name === "Unit" ? "" : ` Create ${r.name}, or name an existing podman ${r.type === "container" ? "container" : r.type === "build" ? "image" : r.type} without the .${r.type} suffix.`}`
        },
        e
      );
    }
  }
}
function valueSpan(e, r) {
  const vs = e.node.valueSpan;
  return vs.end - vs.start === e.node.value.length ? { start: vs.start + r.start, end: vs.start + r.end } : { start: vs.start, end: vs.end };
}
var REF_SUFFIX, MAPPING_KEYS, REMAP_KEYS, UNIT_DEP_KEYS, REF_TYPES, quadletRule;
var init_quadlet = __esm({
  "server/src/services/rules/quadlet.ts"() {
    "use strict";
    init_dialects();
    init_quadletFiles();
    REF_SUFFIX = /\.(container|volume|network|kube|image|build|pod|artifact)$/;
    MAPPING_KEYS = ["UserNS", "UIDMap", "GIDMap", "SubUIDMap", "SubGIDMap"];
    REMAP_KEYS = ["RemapUsers", "RemapUid", "RemapGid", "RemapUidSize"];
    UNIT_DEP_KEYS = [
      "After",
      "Before",
      "Requires",
      "Wants",
      "BindsTo",
      "PartOf",
      "Conflicts",
      "OnFailure",
      "OnSuccess",
      "Requisite",
      "Upholds",
      "PropagatesReloadTo",
      "ReloadPropagatedFrom",
      "PropagatesStopTo",
      "StopPropagatedFrom"
    ];
    REF_TYPES = {
      Pod: ["pod"],
      Image: ["image", "build"],
      Network: ["network", "container"],
      Volume: ["volume"],
      Mount: ["volume", "image", "build", "artifact"]
    };
    quadletRule = {
      stage: 4,
      name: "quadlet",
      codes: [
        "quadlet-conversion-error",
        "quadlet-unknown-reference",
        "quadlet-newer-than-podman",
        "quadlet-service-setting",
        "quadlet-boolean-false",
        "quadlet-short-image-name"
      ],
      run(ctx) {
        const t2 = quadletTypeOf(ctx.analysis.dialect?.id);
        if (t2) run2(ctx, t2);
      }
    };
  }
});

// server/src/services/context.ts
function nodeAt(nodes, offset) {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const n = nodes[mid];
    if (offset < n.start) hi = mid - 1;
    else if (offset >= n.end) lo = mid + 1;
    else return n;
  }
  const last = nodes[nodes.length - 1];
  return last && offset === last.end ? last : void 0;
}
function sectionAt(analysis, offset) {
  let found = analysis.sections[0];
  for (const s of analysis.sections) {
    const h = s.section.header;
    if (h && h.start <= offset) found = s;
    else if (h) break;
  }
  return found;
}
function entryAt(analysis, offset) {
  const node = nodeAt(analysis.doc.nodes, offset);
  if (!node || node.kind !== "assignment") return void 0;
  return analysis.entries.find((e) => e.node === node);
}
function wordAt(text, pos) {
  let s = pos;
  while (s > 0 && !/\s/.test(text[s - 1])) s--;
  let e = pos;
  while (e < text.length && !/\s/.test(text[e])) e++;
  return { start: s, end: e };
}
function wordBefore(text, pos) {
  let s = pos;
  while (s > 0 && !/[\s=]/.test(text[s - 1])) s--;
  return s;
}
var init_context2 = __esm({
  "server/src/services/context.ts"() {
    "use strict";
  }
});

// server/src/services/commandNames.ts
var SERVER_COMMANDS;
var init_commandNames = __esm({
  "server/src/services/commandNames.ts"() {
    "use strict";
    SERVER_COMMANDS = {
      createOverride: "systemd-units.createOverride",
      moveToDropIn: "systemd-units.moveToDropIn",
      convertFullCopy: "systemd-units.convertFullCopy",
      showDropIns: "systemd-units.showDropIns",
      showEffectiveUnit: "systemd-units.showEffectiveUnit",
      setHardwareWatchdog: "systemd-units.setHardwareWatchdog",
      generateSocketUnits: "systemd-units.generateSocketUnits",
      /** Podman Quadlet: the .service podman's generator would write (services/quadletGenerate.ts). */
      showGeneratedUnit: "systemd-units.showGeneratedUnit",
      /** The exposure table of a service (services/security/), as systemd-analyze security prints it. */
      showSecurity: "systemd-units.showSecurity",
      /** Harden This Service: a hardening.conf drop-in (args: file, 'safe' | 'strict' | { directive, value }). */
      hardenService: "systemd-units.hardenService"
    };
  }
});

// server/src/units/unitIndex.ts
import { readdirSync as readdirSync5 } from "node:fs";
import { join as join9, resolve as resolve3 } from "node:path";
import { pathToFileURL } from "node:url";
var MAX_FILES3, MAX_DEPTH2, TTL_MS, UnitIndex;
var init_unitIndex = __esm({
  "server/src/units/unitIndex.ts"() {
    "use strict";
    init_fileKind();
    init_safeRead();
    init_searchPaths();
    init_cache();
    MAX_FILES3 = 2e4;
    MAX_DEPTH2 = 8;
    TTL_MS = 5e3;
    UnitIndex = class {
      constructor(systemDirs = [...systemSearchPaths(), ...userSearchPaths()].map((p) => p.dir)) {
        this.systemDirs = systemDirs;
      }
      systemDirs;
      workspace = [];
      extra = [];
      /** The scan, under the one cache policy (util/cache.ts): a few seconds, and cleared when files change. */
      cached = new BoundedCache({ max: 1, ttlMs: TTL_MS });
      setRoots(workspace, extra) {
        this.workspace = workspace;
        this.extra = extra;
        this.cached.clear();
      }
      /** unit name -> files defining it, workspace first, then settings folders, then system folders in precedence order. */
      scan() {
        return this.cached.get("scan", () => this.scanNow());
      }
      scanNow() {
        const units2 = /* @__PURE__ */ new Map();
        let budget = MAX_FILES3;
        const add = (name, path) => {
          const l = units2.get(name);
          if (l) {
            if (!l.includes(path)) l.push(path);
          } else units2.set(name, [path]);
        };
        const walk2 = (dir, depth) => {
          if (budget <= 0 || depth > MAX_DEPTH2) return;
          let entries;
          try {
            entries = readdirSync5(dir, { withFileTypes: true });
          } catch {
            return;
          }
          for (const e of entries) {
            if (--budget <= 0) return;
            if (e.name === "node_modules" || e.name === ".git") continue;
            const p = join9(dir, e.name);
            if (e.isDirectory()) {
              if (!e.name.endsWith(".d") && !e.name.endsWith(".wants") && !e.name.endsWith(".requires")) walk2(p, depth + 1);
              continue;
            }
            const k = fileKindOf(p);
            if (k.kind === "unit") add(k.unitName, p);
          }
        };
        for (const w of this.workspace) walk2(w, 0);
        for (const x of this.extra) walk2(x, 0);
        for (const d of this.systemDirs) {
          let names;
          try {
            names = readdirSync5(d);
          } catch {
            continue;
          }
          for (const n of names) {
            const p = join9(d, n);
            const k = fileKindOf(p);
            if (k.kind === "unit") add(k.unitName, p);
          }
        }
        return units2;
      }
      sortedNames = /* @__PURE__ */ new WeakMap();
      /** Every unit name, sorted (computed once per scan). */
      unitNames() {
        const units2 = this.scan();
        let names = this.sortedNames.get(units2);
        if (!names) this.sortedNames.set(units2, names = [...units2.keys()].sort());
        return names;
      }
      /** The files that define a unit as the scan found them, without the safety checks of `find` (no file access). */
      candidates(name) {
        return this.scan().get(name) ?? [];
      }
      /** Files that define a unit, best first; an instance falls back to its template (foo@bar.service -> foo@.service). */
      find(name) {
        const units2 = this.scan();
        const direct = units2.get(name) ?? [];
        const at2 = name.indexOf("@");
        const dot = name.lastIndexOf(".");
        const template = at2 > 0 && dot > at2 + 1 ? `${name.slice(0, at2 + 1)}${name.slice(dot)}` : void 0;
        const viaTemplate = template ? units2.get(template) ?? [] : [];
        return [...direct, ...viaTemplate].filter((p) => this.mayOpen(p));
      }
      /**
       * Only regular files that are not too large are offered (a FIFO or /dev/zero would freeze the editor that opens
       * it), and a workspace file only when its real path stays in the workspace, the settings folders or the host's
       * systemd folders. The system's own unit folders may link anywhere.
       */
      mayOpen(p) {
        const inSystem = isInsideRoots(
          resolve3(p),
          this.systemDirs.map((d) => resolve3(d))
        );
        const allowedRoots = inSystem ? void 0 : [...this.workspace, ...this.extra, ...this.systemDirs, ...hostSystemdFolders()];
        return checkFileSafe(p, { allowedRoots }).ok;
      }
      static uriOf(path) {
        return pathToFileURL(path).href;
      }
    };
  }
});

// server/src/services/security/index.ts
import { resolve as resolve4 } from "node:path";
function sourcesWithOverrides(h, fs, override, selfPath) {
  const sources = [];
  const read = (f, masked) => {
    const open = f.target === "/dev/null" ? void 0 : override(resolve4(f.path)) ?? override(resolve4(f.target));
    const o = masked && !open?.trim() ? void 0 : open;
    if (o !== void 0) {
      sources.push({ path: f.path, text: o, vendor: f.vendor });
      return;
    }
    const r = readHierarchyFileResult(fs, f);
    if (r.ok) sources.push({ path: masked ? f.path : f.target, text: r.text, vendor: f.vendor });
  };
  const self = selfPath ? resolve4(selfPath) : void 0;
  const inHierarchy = !self || h.fragment && (resolve4(h.fragment.path) === self || resolve4(h.fragment.target) === self) || h.dropIns.some((d) => resolve4(d.path) === self || resolve4(d.target) === self);
  if (!inHierarchy && self) {
    const t2 = override(self);
    if (t2 !== void 0 && !/\.d\/[^/]+\.conf$/.test(self)) sources.push({ path: self, text: t2, vendor: false });
  }
  if (h.fragment && !h.masked && (inHierarchy || !self || /\.d\/[^/]+\.conf$/.test(self))) read(h.fragment, false);
  for (const d of h.dropIns) read(d, !!d.masked);
  if (!inHierarchy && self && /\.d\/[^/]+\.conf$/.test(self)) {
    const t2 = override(self);
    if (t2 !== void 0) sources.push({ path: self, text: t2, vendor: false });
  }
  return sources;
}
function sortedChecks(score) {
  const rank = (c) => c.set === null ? 2 : c.set ? 1 : 0;
  return [...score.checks].sort(
    (a, b) => rank(a) - rank(b) || b.exposureTenths - a.exposureTenths || b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
function renderSecurityTable(score, opts = {}) {
  const rows = sortedChecks(score);
  const w1 = Math.max(4, ...rows.map((r) => r.id.length));
  const w2 = Math.max(11, ...rows.map((r) => r.description.length));
  const out = [`  ${"NAME".padEnd(w1)} ${"DESCRIPTION".padEnd(w2)} EXPOSURE`];
  for (const r of rows) {
    const mark = r.set === null ? " " : r.set ? "\u2713" : "\u2717";
    out.push(`${mark} ${r.id.padEnd(w1)} ${r.description.padEnd(w2)} ${(r.exposure ?? "").padStart(8)}`.trimEnd());
  }
  out.push(
    "",
    `\u2192 Overall exposure level for ${opts.name ?? score.unit}: ${score.exposure} ${score.label} ${GLYPH[score.label] ?? ""}`.trimEnd()
  );
  return `${out.join("\n")}
`;
}
function securityLensTitle(score) {
  return `exposure ${score.exposure} ${score.label}`;
}
function securityHoverMarkdown(score, top = 8) {
  const worst = sortedChecks(score).filter((c) => c.set === false).slice(0, top);
  const cell = (t2) => t2.replace(/\|/g, "\\|");
  const rows = worst.map((c) => `| \`${cell(c.id)}\` | ${cell(c.description)} | ${c.exposure ?? ""} |`);
  return [
    `**Exposure ${score.exposure} ${score.label}** (systemd-analyze security, systemd ${score.version}; 0.0 is the most sandboxed)`,
    "",
    "| check | what it means | share |",
    "|---|---|---|",
    ...rows
  ].join("\n");
}
var GLYPH;
var init_security = __esm({
  "server/src/services/security/index.ts"() {
    "use strict";
    init_effective();
    init_hierarchy();
    init_score();
    init_score();
    init_info();
    init_fixes();
    GLYPH = {
      PERFECT: "\u{1F600}",
      SAFE: "\u{1F642}",
      OK: "\u{1F642}",
      MEDIUM: "\u{1F610}",
      EXPOSED: "\u{1F641}",
      UNSAFE: "\u{1F628}",
      DANGEROUS: "\u{1F628}"
    };
  }
});

// server/src/services/tokenLegend.ts
var init_tokenLegend = __esm({
  "server/src/services/tokenLegend.ts"() {
    "use strict";
  }
});

// server/src/units/overrideTemplate.ts
function skeleton(eff, unitType) {
  const typeSec = unitType ? typeSection(unitType) : void 0;
  const sections = eff.sectionNames();
  if (!sections.includes("Unit")) sections.unshift("Unit");
  if (typeSec && !sections.includes(typeSec)) sections.splice(1, 0, typeSec);
  const lines = [];
  for (const s of sections) {
    const dirs = eff.directives().filter((d) => d.section === s);
    if (s === "Install" && dirs.every((d) => d.values.length === 0)) continue;
    if (lines.length) lines.push("");
    lines.push(`[${s}]`);
    for (const d of dirs) {
      if (d.values.length === 0) continue;
      if (d.mode === "list")
        lines.push(`# (${d.name}= is a list: write an empty "${d.name}=" first to replace it rather than add to it)`);
      else if (d.mode === "add-only") lines.push(`# (${d.name}= can only be added to in a drop-in, never reduced)`);
      else if (d.mode === "first-wins") lines.push(`# (${d.name}= keeps its first value: a drop-in cannot change it)`);
      for (const v of d.values) {
        lines.push(`# from ${v.origin.file}:${v.origin.line}`);
        lines.push(`# ${d.name}=${v.value}`);
      }
    }
  }
  return lines.join("\n");
}
function overrideTemplate(eff, opts) {
  const unitType = opts.unitType ?? guessUnitType(eff.sectionNames()) ?? guessFromName(opts.unitName);
  const body = skeleton(eff, unitType);
  const intro = [
    `# Override for ${opts.unitName}${opts.path ? ` (${opts.path})` : ""}.`,
    "# The commented lines show the current effective settings and where they come from.",
    "# Uncomment and change what you need; settings you do not write here keep their current value."
  ].join("\n");
  const existing = opts.existingText ?? "";
  if (!opts.markers) {
    if (!existing) return `${intro}

${body}
`;
    const commented = body.split("\n").map((l) => l.startsWith("[") ? `# ${l}` : l).join("\n");
    return `${existing.replace(/\s*$/, "")}

# Current effective settings of ${opts.unitName}:
${commented}
`;
  }
  const m = EDIT_MARKERS[opts.markers];
  const out = [];
  if (opts.path) out.push(`### Editing ${opts.path}`);
  out.push(m.start, "");
  out.push(existing ? existing.replace(/\s*$/, "") : `${intro}

${body}`);
  out.push("", m.end);
  for (const f of opts.otherFiles ?? []) {
    out.push("", `### ${f.path}`);
    for (const l of f.text.replace(/\s*$/, "").split(/\r\n|\n|\r/)) out.push(l === "" ? "#" : `# ${l}`);
  }
  return `${out.join("\n")}
`;
}
function guessFromName(name) {
  const t2 = name.slice(name.lastIndexOf(".") + 1);
  return ["service", "socket", "target", "device", "mount", "automount", "swap", "timer", "path", "slice", "scope"].find((x) => x === t2);
}
var EDIT_MARKERS;
var init_overrideTemplate = __esm({
  "server/src/units/overrideTemplate.ts"() {
    "use strict";
    init_catalog();
    init_effective();
    EDIT_MARKERS = {
      252: {
        start: "### Anything between here and the comment below will become the new contents of the file",
        end: "### Lines below this comment will be discarded"
      },
      254: {
        start: "### Anything between here and the comment below will become the contents of the drop-in file",
        end: "### Edits below this comment will be discarded"
      }
    };
  }
});

// server/src/services/calendarAssist.ts
function calendarHoverMarkdown(value, nowMs, zone = defaultLocalZone(), count = 5) {
  if (value === "" || value.includes("%")) return void 0;
  const nowUsec = Math.floor(nowMs) * 1e3;
  const r = parseCalendarSpec(value, { localZone: zone, nowUsec });
  if (!r.ok) return `\`${value}\` is not a calendar event systemd accepts: ${r.error.reason}.`;
  const lines = [`**Calendar event** \`${value}\``, "", `Normalized: \`${r.normalized}\``];
  const n = nextElapses(r.spec, nowUsec, count, { localZone: zone });
  if (n.error) lines.push("", `systemd cannot compute the next elapse: ${n.error.message}.`);
  else if (n.elapses.length === 0) lines.push("", "Next elapse: **never** (every time it names is in the past).");
  else {
    lines.push("", `Next elapses (${zone.name}):`);
    for (const u of n.elapses) lines.push(`- ${formatTimestamp(u, zone)} (${formatTimestampRelative(u, nowUsec)})`);
  }
  return lines.join("\n");
}
function calendarCompletions(before, word) {
  if (before.trim() !== "") return [];
  const cut = Math.max(word.lastIndexOf(","), word.lastIndexOf("."), word.lastIndexOf("-"));
  if (cut >= 0) {
    const prefix = word.slice(0, cut + 1);
    return DAYS.map((d) => ({ value: prefix + d }));
  }
  const shorthands = CALENDAR_SHORTHANDS.filter((s) => SHORTHAND_MEANING[s]).map((s) => ({
    value: s,
    doc: `\`${s}\`: ${SHORTHAND_MEANING[s]}.`
  }));
  const days = [
    ...DAYS.map((d) => ({ value: d })),
    { value: "Mon..Fri", doc: "Monday to Friday" },
    { value: "Sat,Sun", doc: "Saturday and Sunday" }
  ];
  return [...shorthands, ...days];
}
var SHORTHAND_MEANING, DAYS;
var init_calendarAssist = __esm({
  "server/src/services/calendarAssist.ts"() {
    "use strict";
    init_calendarSpec();
    SHORTHAND_MEANING = {
      minutely: "every minute, at second 0",
      hourly: "every hour, at minute 0",
      daily: "every day at midnight",
      weekly: "every Monday at midnight",
      monthly: "on the 1st of every month at midnight",
      yearly: "on January 1st at midnight",
      annually: "on January 1st at midnight",
      quarterly: "on the 1st of January, April, July and October at midnight",
      semiannually: "on the 1st of January and July at midnight"
    };
    DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  }
});

// server/src/man/manPages.ts
import { readFileSync as readFileSync2, existsSync as existsSync2 } from "node:fs";
import { gunzipSync } from "node:zlib";
function pagePath(page) {
  const m = /^([\w.-]+)\((\d)\)$/.exec(page);
  if (!m) return void 0;
  for (const dir of MAN_DIRS) {
    for (const ext of [".gz", ""]) {
      const p = `${dir}/man${m[2]}/${m[1]}.${m[2]}${ext}`;
      if (existsSync2(p)) return p;
    }
  }
  return void 0;
}
function roffInline(s) {
  return s.replace(/\\h'[^']*'\\\(bu\\h'[^']*'(\\c)?/g, "\u2022 ").replace(/\\fB([^\\]*(?:\\(?!f)[^\\]*)*)\\f[RP]/g, "**$1**").replace(/\\fI([^\\]*(?:\\(?!f)[^\\]*)*)\\f[RP]/g, "`$1`").replace(/\\f[BIRP]/g, "").replace(/\\&/g, "").replace(/\\-/g, "-").replace(/\\\(em/g, "\u2014").replace(/\\\(en/g, "\u2013").replace(/\\\(bu/g, "\u2022").replace(/\\\(aq/g, "'").replace(/\\\(dq/g, '"').replace(/\\\(lq|\\\(rq/g, '"').replace(/\\\*\(Aq/g, "'").replace(/\\e/g, "\\").replace(/\\ /g, " ").replace(/\\c$/g, "");
}
function parseManPage(roff) {
  const lines = roff.split("\n");
  const entries = /* @__PURE__ */ new Map();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== ".PP") continue;
    const terms = [];
    let j = i + 1;
    while (j < lines.length && lines[j].startsWith("\\fI") && lines[j].includes("=")) {
      for (const m of lines[j].matchAll(/\\fI([A-Za-z0-9]+)=/g)) terms.push(m[1]);
      j++;
    }
    if (!terms.length || lines[j] !== ".RS 4") continue;
    let depth = 1;
    let out = "";
    let k = j + 1;
    let inCode = false;
    for (; k < lines.length && depth > 0; k++) {
      const l = lines[k];
      if (l === ".TS") {
        let e = k + 1;
        while (e < lines.length && lines[e] !== ".TE") e++;
        out += `

${tableToMarkdown(lines.slice(k + 1, e))}

`;
        k = e;
        continue;
      }
      if (l.startsWith(".RS")) {
        depth++;
        continue;
      }
      if (l.startsWith(".RE")) {
        depth--;
        continue;
      }
      if (l === ".nf") {
        inCode = true;
        out += "\n\n```\n";
        continue;
      }
      if (l === ".fi") {
        inCode = false;
        out += "```\n\n";
        continue;
      }
      if (inCode) {
        if (!l.startsWith(".")) out += `${roffInline(l).replace(/\*\*|`/g, "")}
`;
        continue;
      }
      if (l === ".sp" || l === ".PP" || l === ".br") {
        out += "\n\n";
        continue;
      }
      if (l.startsWith(".")) continue;
      const t2 = roffInline(l);
      out += out === "" || out.endsWith("\n") ? t2 : ` ${t2}`;
    }
    const md = out.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
    for (const t2 of terms) if (!entries.has(t2)) entries.set(t2, md);
    i = k - 1;
  }
  return entries;
}
function tableToMarkdown(body) {
  let i = 0;
  let tab = "	";
  if (body[0]?.trimEnd().endsWith(";")) {
    const m = /tab\((.)\)/.exec(body[0]);
    if (m) tab = m[1];
    i = 1;
  }
  const skipFormat = () => {
    while (i < body.length && !body[i].trimEnd().endsWith(".")) i++;
    i++;
  };
  skipFormat();
  const rows = [];
  let row = [];
  let cell;
  for (; i < body.length; i++) {
    const l = body[i];
    if (cell) {
      if (l.startsWith("T}")) {
        row.push(cell.join(" "));
        cell = void 0;
        const rest2 = l.slice(2);
        if (rest2.startsWith(tab)) {
          const next = rest2.slice(1);
          if (next === "T{") cell = [];
          else if (next) row.push(next);
        } else {
          rows.push(row);
          row = [];
        }
      } else if (!l.startsWith(".")) cell.push(roffInline(l));
      continue;
    }
    if (l === ".T&") {
      i++;
      skipFormat();
      i--;
      continue;
    }
    if (l.startsWith(".")) continue;
    const parts = l.split(tab);
    for (let p = 0; p < parts.length; p++) {
      if (parts[p] === "T{" && p === parts.length - 1) {
        cell = [];
        break;
      }
      row.push(roffInline(parts[p]));
    }
    if (!cell) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  const useful = rows.filter((r) => r.some((c) => c.trim()));
  if (!useful.length) return "";
  const width = Math.max(...useful.map((r) => r.length));
  const fmt = (r) => `| ${Array.from({ length: width }, (_, c) => (r[c] ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim()).join(" | ")} |`;
  return [fmt(useful[0]), `|${" --- |".repeat(width)}`, ...useful.slice(1).map(fmt)].join("\n");
}
function loadPage(page) {
  return pages.get(page, () => readPage(page));
}
function readPage(page) {
  let result = null;
  try {
    const p = pagePath(page);
    if (p) {
      const raw = readFileSync2(p);
      result = parseManPage((p.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8"));
    }
  } catch {
    result = null;
  }
  return result;
}
function localManEntry(page, directive) {
  if (!page) return void 0;
  return loadPage(page)?.get(directive);
}
var MAN_DIRS, pages;
var init_manPages = __esm({
  "server/src/man/manPages.ts"() {
    "use strict";
    init_cache();
    MAN_DIRS = ["/usr/share/man", "/usr/local/share/man"];
    pages = new BoundedCache({ max: 32, ttlMs: Infinity });
  }
});

// server/src/catalog/docs.ts
function manPageUrl(info) {
  const m = /^([\w.-]+)\((\d)\)$/.exec(info.manPage);
  if (!m) return void 0;
  return `https://www.freedesktop.org/software/systemd/man/latest/${m[1]}.html#${encodeURIComponent(`${info.name}=`)}`;
}
function cutAtParagraph(text, max) {
  const paras = text.split(/\n\n/);
  let out = "";
  for (const p of paras) {
    if ((out ? out.length + 2 : 0) + p.length > max) break;
    out = out ? `${out}

${p}` : p;
  }
  if (!out) {
    const slice = paras[0].slice(0, max);
    const dot = slice.lastIndexOf(". ");
    out = dot > max / 3 ? slice.slice(0, dot + 1) : slice;
  }
  if ((out.match(/```/g) ?? []).length % 2) out += "\n```";
  return out;
}
function renderDirective(info, opts = {}) {
  const parts = [];
  parts.push(`**${info.name}=** \xB7 \`[${info.section}]\``);
  parts.push(info.summary);
  const facts = [];
  facts.push(`**Value:** ${KIND_SYNTAX[info.kind] ?? info.kind}`);
  const values2 = info.enumValues.filter((v) => !v.startsWith("<") && !v.startsWith("~<") && !v.includes(":<"));
  if ((info.kind === "enum" || info.kind === "enum-or-bool" || info.kind === "enum-list") && values2.length && values2.length <= 40) {
    facts.push(`**Values:** ${values2.map((v) => `\`${v}\``).join(", ")}`);
  }
  const list2 = LIST_TEXT[info.list]?.replace("{name}", info.name);
  if (list2) facts.push(list2);
  if (info.defaultValue) facts.push(`**Default:** ${info.defaultValue}`);
  if (info.since > 0)
    facts.push(
      `**Since:** systemd ${info.since}${opts.targetVersion && info.since > opts.targetVersion ? ` (newer than your target, ${opts.targetVersion})` : ""}`
    );
  if (info.onlyTypes) facts.push(`**Only in:** ${info.onlyTypes.map((t2) => `.${t2}`).join(", ")} units`);
  switch (info.status) {
    case "renamed":
      facts.push(`**Renamed:** old spelling of \`${info.replacement}=\`.`);
      break;
    case "deprecated":
      facts.push(`**Deprecated.**${info.replacement ? ` Use \`${info.replacement}=\`.` : ""}`);
      break;
    case "ignored":
      facts.push(
        `**Ignored** since systemd ${info.statusSince}.${info.replacement ? ` Use \`${info.replacement}=\`.` : ""}`
      );
      break;
    case "compat-moved":
      facts.push("**Moved:** belongs in `[Unit]`; this copy is kept for compatibility.");
      break;
  }
  parts.push(facts.join("  \n"));
  const url = manPageUrl(info);
  if (url) parts.push(`[${info.manPage}](${url})`);
  if (opts.manText) {
    const local = localManEntry(info.manPage, info.name);
    if (local) {
      const room = Math.max(400, HOVER_BUDGET - parts.join("\n\n").length);
      const text = local.length <= room ? local : `${cutAtParagraph(local, room)}

\u2026 ${url ? `[read on in ${info.manPage}](${url})` : `more in ${info.manPage}`}`;
      parts.push(`---
*From the local man page ${info.manPage}:*

${text}`);
    }
  }
  return parts.join("\n\n");
}
var KIND_SYNTAX, LIST_TEXT, HOVER_BUDGET;
var init_docs = __esm({
  "server/src/catalog/docs.ts"() {
    "use strict";
    init_manPages();
    KIND_SYNTAX = {
      "address-family-list": "Address family names (`AF_UNIX AF_INET AF_INET6`), or `none`; a leading `~` makes it a deny list.",
      "bind-paths": "`[-]SOURCE[:DEST[:OPTIONS]]`, absolute paths, space-separated; `-` ignores a missing source.",
      bool: "A boolean: `yes`/`no` (also `1 y true t on` / `0 n false f off`, any case).",
      bytes: "A size in bytes with optional suffix `K`, `M`, `G`, `T`, `P`, `E` (base 1024), e.g. `512M` or `1G 512M`.",
      "bytes-or-percent": "A size (`512M`, base 1024), a percentage (`50%`), or `infinity`.",
      calendar: "A calendar event such as `daily`, `weekly`, `Mon *-*-* 02:00:00` (see `systemd-analyze calendar`).",
      "capability-list": "Capability names such as `CAP_NET_BIND_SERVICE`, space-separated; a leading `~` removes them instead.",
      condition: "A value for the check, optionally prefixed by `|` (trigger: any one suffices) and/or `!` (negate).",
      "count-or-percent": "A positive number, a percentage of the system limit (`15%`), or `infinity`.",
      "cpu-set": "CPU indices or ranges, e.g. `0-3 8` or `1,2`.",
      "cpu-weight": "A weight from 1 to 10000 (default 100), or `idle`.",
      "device-allow": "A device node path or `char-\u2026`/`block-\u2026` class, then access letters `r`, `w`, `m`.",
      "device-io": "`DEVICE VALUE`: a device path followed by a weight, a rate or a latency.",
      enum: "One of the listed values.",
      "enum-list": "One or more of the listed values.",
      "enum-or-bool": "One of the listed values, or a boolean.",
      "env-file": "An absolute path to a file of `KEY=VALUE` lines; a leading `-` makes it optional.",
      "env-name-list": "Environment variable names, space-separated.",
      environment: 'Space-separated `KEY=VALUE` assignments; quote an assignment that contains spaces: `"KEY=a b"`.',
      "exec-command": "A command line: an absolute path or a bare program name, then arguments. Prefixes: `-` ignore failure, `@` set argv[0], `:` no variable expansion, `+` full privileges, `!` no user change, `|` run via the shell (newer releases).",
      "exit-status": "Exit codes 0\u2013255 (lists also take names such as `SUCCESS` and signal names).",
      ignored: "Any value: systemd ignores it.",
      int: "An integer.",
      "io-weight": "A weight from 1 to 10000 (default 100).",
      "ip-address-list": "IP addresses or prefixes (`10.0.0.0/8 ::1`), or `any`, `localhost`, `link-local`, `multicast`.",
      limit: "A resource limit `SOFT[:HARD]`, or `infinity`; sizes take `K`/`M`/`G` suffixes, time limits take time spans.",
      mode: "An octal file mode such as `0644` or `0755`.",
      nice: "A nice level from -20 (highest priority) to 19 (lowest).",
      nsec: "A time span; a bare number counts nanoseconds.",
      "oom-score": "An OOM score adjustment from -1000 to 1000.",
      path: "An absolute path.",
      "path-list": "Absolute paths, space-separated; `-` in front ignores a missing path.",
      percent: "A percentage such as `20%`.",
      "relative-path-list": "Directory names relative to the base folder for this kind of directory, space-separated.",
      signal: "A signal name (`SIGTERM`, `TERM`) or number.",
      "socket-address": "A port (`80`), `IPv4:port`, `[IPv6]:port`, a path (`/run/foo.sock`), `@abstract`, or `vsock:CID:PORT`.",
      string: "Free text; specifiers such as `%n` are expanded.",
      "syscall-filter": "System call names or `@groups` (e.g. `@system-service`); a leading `~` makes it a deny list.",
      "temp-fs": "`PATH[:MOUNT-OPTIONS]`, absolute, space-separated.",
      "timespan-sec": "A time span such as `30s`, `5min 20s`, `1h30` or `infinity`; a bare number counts seconds.",
      "tristate-bool": "A boolean, or empty to use the default.",
      tuple: "A structured, colon-separated value (see the man page).",
      unit: "A unit name such as `foo.service`.",
      "unit-list": "Unit names, space-separated.",
      unsigned: "A non-negative integer.",
      user: "A user or group name, or a numeric ID."
    };
    LIST_TEXT = {
      yes: "List: repeated assignments add up; an empty assignment (`{name}=`) resets the list.",
      "add-only": "List: repeated assignments add up; it cannot be reset (an empty assignment does nothing).",
      no: ""
    };
    HOVER_BUDGET = 1500;
  }
});

// server/src/catalog/snippets.ts
var snippetDefs;
var init_snippets = __esm({
  "server/src/catalog/snippets.ts"() {
    "use strict";
    init_dataFile();
    snippetDefs = lazyJson("../../snippets/systemd.json");
  }
});

// server/src/services/snippets.ts
function fits(prefix, doc, section, emptyFile) {
  const f = doc.file;
  if (prefix === "sandbox") return section === "Service";
  if (prefix.startsWith("dropin-")) return f.kind === "dropin" && emptyFile;
  if (prefix.startsWith("system-conf-")) return f.kind === "manager" && emptyFile;
  if (prefix.startsWith("quadlet-"))
    return f.kind === "config" && !f.dropIn && emptyFile && f.dialect === `quadlet-${prefix.split("-").pop()}`;
  if (f.kind !== "unit" || !emptyFile) return false;
  const type = prefix.split("-")[0];
  return type === f.unitType;
}
function snippetCompletions(doc, section, replace) {
  const emptyFile = !doc.tree.nodes.some((n) => n.kind === "section" || n.kind === "assignment");
  const out = [];
  for (const [name, def] of Object.entries(snippetDefs())) {
    if (!fits(def.prefix, doc, section, emptyFile)) continue;
    out.push({
      item: { name, prefix: def.prefix, body: def.body.join("\n"), description: def.description ?? name },
      replace
    });
  }
  return out;
}
var init_snippets2 = __esm({
  "server/src/services/snippets.ts"() {
    "use strict";
    init_snippets();
  }
});

// server/src/services/quadletAssist.ts
import { basename as basename7 } from "node:path";
function generatedServiceOf(path, analysis) {
  const t2 = quadletTypeOf(analysis.dialect?.id);
  if (!t2) return void 0;
  const f = analysis.file;
  const name = f.kind === "config" ? f.name : basename7(path);
  if (f.kind === "config" && f.dropIn && !name.includes(".")) return void 0;
  const sn = quadletValues(analysis.entries, quadletSection(t2)).last("ServiceName")?.node.value.trim();
  return quadletServiceName(name, sn || void 0);
}
function describe(u) {
  const t2 = quadletTypeOf(u.analysis.dialect?.id);
  const desc = quadletValues(u.analysis.entries, "Unit").last("Description")?.node.value;
  const service = generatedServiceOf(u.path, u.analysis);
  return [desc, t2 ? `Quadlet .${t2}` : void 0, service ? `\u2192 ${service}` : void 0].filter(Boolean).join(" \xB7 ");
}
function quadletValueSuggestions(info, self, around) {
  const t2 = quadletTypeOf(self.dialect?.id);
  if (!t2) return [];
  const ofType = (...types) => around.filter(
    (u) => u.analysis !== self && types.includes(quadletTypeOf(u.analysis.dialect?.id)) && u.analysis.file.kind === "config" && !u.analysis.file.dropIn
  ).map((u) => ({ value: basename7(u.path), detail: describe(u) }));
  if (info.section === "Unit" && ["After", "Before", "Requires", "Wants", "BindsTo", "PartOf", "Conflicts", "Requisite", "Upholds"].includes(
    info.name
  )) {
    return ofType("container", "volume", "network", "kube", "image", "build", "pod", "artifact");
  }
  if (info.section !== quadletSection(t2)) return [];
  switch (info.name) {
    case "Pod":
      return ofType("pod");
    case "Network":
      return [
        ...ofType("network"),
        ...ofType("container").map((s) => ({ ...s, value: `container:${s.value}` })),
        ...NETWORK_MODES.map((m) => ({ value: m, detail: "podman network mode" }))
      ];
    case "Volume":
      return ofType("volume").map((s) => ({ ...s, value: `${s.value}:` }));
    case "Image": {
      const images = /* @__PURE__ */ new Set();
      for (const u of around) {
        const ut = quadletTypeOf(u.analysis.dialect?.id);
        if (!ut) continue;
        for (const e of quadletValues(u.analysis.entries, quadletSection(ut)).all("Image")) {
          const v = e.node.value.trim();
          if (v && isFullyQualifiedImage(v)) images.add(v);
        }
      }
      return [
        ...ofType("image", "build"),
        ...[...images].sort().map((value) => ({ value, detail: "image used in the Quadlet files around" }))
      ];
    }
    default:
      return [];
  }
}
function quadletSectionHover(path, analysis, section) {
  const t2 = quadletTypeOf(analysis.dialect?.id);
  if (!t2 || section !== quadletSection(t2)) return void 0;
  const service = generatedServiceOf(path, analysis);
  return service ? `Quadlet generates **${service}** from this file.` : void 0;
}
function quadletKeyHover(path, analysis, info, podmanVersion) {
  const id = analysis.dialect?.id;
  if (!id || !quadletTypeOf(id)) return void 0;
  const since = quadletKeySince(id, info.section, info.name);
  if (!since) return void 0;
  const lines = [
    `**Since:** podman ${since}${podmanVersion && newer(since, podmanVersion) ? ` (newer than your target, podman ${podmanVersion})` : ""}`
  ];
  if (info.name === "ServiceName" || info.name.endsWith("Name")) {
    const service = generatedServiceOf(path, analysis);
    if (service) lines.push(`**Generated unit:** ${service}`);
  }
  return lines.join("  \n");
}
function newer(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}
function quadletRefAt(analysis, offset) {
  if (!quadletTypeOf(analysis.dialect?.id)) return void 0;
  for (const e of analysis.entries) {
    const vs = e.node.valueSpan;
    if (offset < vs.start || offset > vs.end || vs.end - vs.start !== e.node.value.length) continue;
    const section = e.section.section.header?.name;
    if (!section) continue;
    for (const r of quadletRefsIn(section, e.node.key, e.node.value)) {
      if (offset >= vs.start + r.start && offset <= vs.start + r.end)
        return { name: r.name, span: { start: vs.start + r.start, end: vs.start + r.end } };
    }
  }
  return void 0;
}
function quadletMentions(name, files) {
  const out = [];
  for (const u of files) {
    for (const e of u.analysis.entries) {
      const section = e.section.section.header?.name;
      const vs = e.node.valueSpan;
      if (!section || vs.end - vs.start !== e.node.value.length) continue;
      for (const r of quadletRefsIn(section, e.node.key, e.node.value))
        if (r.name === name) out.push({ path: u.path, span: { start: vs.start + r.start, end: vs.start + r.end } });
    }
  }
  return out;
}
var NETWORK_MODES;
var init_quadletAssist = __esm({
  "server/src/services/quadletAssist.ts"() {
    "use strict";
    init_dialects();
    init_quadletFiles();
    init_quadlet();
    NETWORK_MODES = ["host", "none", "private", "bridge", "pasta", "slirp4netns"];
  }
});

// server/src/services/completion.ts
function getCompletions(doc, offset, env) {
  const text = doc.text;
  let ls = offset;
  while (ls > 0 && text[ls - 1] !== "\n" && text[ls - 1] !== "\r") ls--;
  const before = text.slice(ls, offset);
  const atEnd = offset === text.length;
  const freshLine = atEnd && (offset === 0 || text[offset - 1] === "\n" || text[offset - 1] === "\r");
  const node = freshLine ? void 0 : nodeAt(doc.tree.nodes, atEnd && offset > 0 ? offset - 1 : offset);
  const trimmed = before.trimStart();
  if (/^[#;]/.test(trimmed)) return [];
  if (node && node.kind === "assignment" && offset > node.eq) {
    const at2 = sectionAt(doc.analysis, offset).section;
    const section = at2.header ? at2.name : doc.analysis.dialect?.sectionless ? "" : void 0;
    const info = section !== void 0 ? doc.analysis.dialect?.lookup(section, node.key) : void 0;
    if (!info) return [];
    return valueCompletions(doc, info, text, offset, env);
  }
  if (trimmed.startsWith("[")) {
    const start = ls + (before.length - trimmed.length);
    let end = offset;
    while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
    return sectionCompletions(doc, { start, end });
  }
  if (/^[A-Za-z0-9_-]*$/.test(trimmed)) {
    const start = offset - trimmed.length;
    const sec = sectionAt(doc.analysis, offset);
    const out = [];
    const secName = sec.section.header ? sec.section.name : doc.analysis.dialect?.sectionless ? "" : void 0;
    if (sec.status === "ok" && secName !== void 0 && (secName || doc.analysis.dialect?.sectionless))
      out.push(...directiveCompletions(doc, secName, { start, end: offset }, env));
    if (trimmed.length === 0 || sec.status !== "ok")
      out.push(
        ...sectionCompletions(doc, { start, end: offset }).map((c) => ({
          ...c,
          sortText: `z${c.sortText ?? c.label}`
        }))
      );
    for (const { item, replace } of snippetCompletions(doc, sec.status === "ok" ? sec.section.name : void 0, {
      start,
      end: offset
    })) {
      out.push({
        label: item.prefix,
        kind: K.Snippet,
        detail: item.description,
        documentation: `\`\`\`ini
${item.body}
\`\`\``,
        insertText: item.body,
        replace,
        sortText: `zz${item.prefix}`,
        filterText: item.prefix,
        snippet: true
      });
    }
    return out;
  }
  return [];
}
function sectionCompletions(doc, replace) {
  return doc.analysis.allowedSections.map((s, i) => ({
    label: `[${s}]`,
    kind: K.Module,
    insertText: `[${s}]`,
    replace,
    detail: "section",
    documentation: doc.analysis.dialect?.sectionSummary(s),
    sortText: `${i}`,
    filterText: `[${s}]`
  }));
}
function directiveTemplates(dialect, section, targetVersion) {
  let bySection = templatesByDialect.get(dialect);
  if (!bySection) templatesByDialect.set(dialect, bySection = /* @__PURE__ */ new Map());
  const key2 = `${section}\0${targetVersion}`;
  let list2 = bySection.get(key2);
  if (list2) return list2;
  const out = [];
  for (const info of dialect.directivesInSection(section)) {
    if (!dialect.allowedInFile(info)) continue;
    const deprecated = info.status !== "active";
    const newer2 = info.since > targetVersion;
    const tags = [];
    if (deprecated) tags.push(info.status === "ignored" ? "ignored" : info.status);
    if (newer2) tags.push(`needs systemd ${info.since}`);
    out.push({
      info,
      targetVersion,
      label: `${info.name}=`,
      detail: `${tags.length ? `(${tags.join(", ")}) ` : ""}${info.summary}`,
      // Common directives first, then the rest by name; newer than the target next; deprecated last.
      sortText: `${deprecated ? "2" : newer2 ? "1" : COMMON.has(info.name) ? "0a" : "0b"}${info.name}`,
      deprecated,
      retrigger: hasValueCompletions(info)
    });
  }
  bySection.set(key2, list2 = out);
  return list2;
}
function directiveCompletions(doc, section, replace, env) {
  const dialect = doc.analysis.dialect;
  if (!dialect) return [];
  return directiveTemplates(dialect, section, env.targetVersion).map((t2) => new DirectiveItem(t2, replace));
}
function hasValueCompletions(info) {
  return [
    "bool",
    "tristate-bool",
    "bool-or-bytes",
    "bool-or-timespan",
    "enum",
    "enum-or-bool",
    "enum-list",
    "capability-list",
    "syscall-filter",
    "address-family-list",
    "signal",
    "unit",
    "unit-list"
  ].includes(info.kind) || info.name === "FileDescriptorName";
}
function valueCompletions(doc, info, text, offset, env) {
  const ws = wordBefore(text, offset);
  const word = text.slice(ws, offset);
  const pct = word.lastIndexOf("%");
  if (pct >= 0 && /^%*$/.test(word.slice(pct)) || pct >= 0 && pct === word.length - 1) {
    let run3 = 0;
    for (let j = pct; j >= 0 && word[j] === "%"; j--) run3++;
    if (run3 % 2 === 1)
      return doc.analysis.dialect?.specifiers ? specifierCompletions(info, { start: ws + pct, end: offset }, env) : [];
  }
  const replace = { start: ws, end: offset };
  const tilde = word.startsWith("~") ? "~" : "";
  const values2 = [];
  const literal = (vs) => vs.filter((v) => !v.includes("<"));
  switch (info.kind) {
    case "bool":
    case "tristate-bool":
    case "bool-or-bytes":
    case "bool-or-timespan":
      for (const b of BOOLEANS) values2.push({ v: b, kind: K.Constant });
      break;
    case "enum":
    case "enum-or-bool":
    case "enum-list":
      for (const v of literal(info.enumValues))
        values2.push({ v, doc: doc.analysis.dialect?.valueMeaning(info.section, info.name, v), kind: K.EnumMember });
      if (info.kind === "enum-or-bool" || info.enumValues.includes("<bool>"))
        for (const b of ["yes", "no"]) values2.push({ v: b, kind: K.Constant });
      break;
    case "capability-list":
    case "syscall-filter":
    case "address-family-list":
    case "condition":
      for (const v of literal(info.enumValues)) values2.push({ v: tilde + v, kind: K.EnumMember });
      break;
    case "signal":
      for (const s of SIGNAL_NAMES) values2.push({ v: s.startsWith("SIG") ? s : `SIG${s}`, kind: K.Constant });
      break;
    case "unit":
    case "unit-list": {
      const suffix = requiredSuffix(info);
      const names = (env.unitNames?.() ?? []).filter((u) => !suffix || u.endsWith(suffix));
      for (const u of names) values2.push({ v: u, detail: env.describeUnit?.(u), kind: K.Reference });
      break;
    }
    case "user": {
      const groupish = /Group/.test(info.name);
      for (const n of (groupish ? env.groups?.() : env.users?.()) ?? [])
        values2.push({ v: n, detail: groupish ? "group on this machine" : "user on this machine", kind: K.Value });
      break;
    }
    case "calendar":
      for (const c of calendarCompletions(
        text.slice(text.lastIndexOf("\n", ws - 1) + 1, ws).replace(/^[^=]*=/, ""),
        word
      ))
        values2.push({ v: c.value, doc: c.doc, kind: K.Keyword });
      break;
    default:
      for (const v of literal(info.enumValues)) values2.push({ v, kind: K.Keyword });
  }
  if (env.quadletFiles && doc.analysis.dialect?.id.startsWith("quadlet-")) {
    for (const s of quadletValueSuggestions(info, doc.analysis, env.quadletFiles()))
      values2.push({ v: s.value, detail: s.detail, kind: K.Reference });
  }
  if (info.name === "FileDescriptorName" && info.section === "Socket") {
    for (const h of socketHintFor(doc.analysis)) values2.push({ v: h.hint, doc: h.explanation, kind: K.Snippet });
  }
  const seen = /* @__PURE__ */ new Set();
  return values2.filter((x) => seen.has(x.v) ? false : (seen.add(x.v), true)).map((x, i) => ({
    label: x.v,
    kind: x.kind,
    insertText: x.v,
    replace,
    documentation: x.doc,
    ...x.detail ? { detail: x.detail } : {},
    sortText: String(i).padStart(4, "0")
  }));
}
function requiredSuffix(info) {
  if (info.name === "Slice") return ".slice";
  if (info.name === "Sockets") return ".socket";
  if (info.section === "Socket" && info.name === "Service") return ".service";
  return void 0;
}
function specifierCompletions(info, replace, env) {
  const ctx = specifierContextFor(info);
  if (ctx === "none") return [];
  return allSpecifiers().filter((s) => s.contexts[ctx] !== void 0 && s.contexts[ctx] <= env.targetVersion).map((s) => ({
    label: `%${s.letter}`,
    kind: K.Variable,
    insertText: `%${s.letter}`,
    replace,
    detail: s.meaning,
    deprecated: s.meaning.startsWith("DEPRECATED"),
    sortText: `${s.meaning.startsWith("DEPRECATED") ? "1" : "0"}${s.letter}`
  }));
}
var K, BOOLEANS, COMMON, DirectiveItem, templatesByDialect;
var init_completion = __esm({
  "server/src/services/completion.ts"() {
    "use strict";
    init_calendarAssist();
    init_catalog();
    init_docs();
    init_context2();
    init_values();
    init_signal();
    init_socketHints();
    init_snippets2();
    init_quadletAssist();
    K = {
      Module: 9,
      Property: 10,
      Value: 12,
      Enum: 13,
      Keyword: 14,
      Snippet: 15,
      File: 17,
      Reference: 18,
      EnumMember: 20,
      Constant: 21,
      Variable: 6
    };
    BOOLEANS = ["yes", "no", "true", "false", "on", "off"];
    COMMON = /* @__PURE__ */ new Set([
      "Description",
      "Documentation",
      "After",
      "Before",
      "Wants",
      "Requires",
      "BindsTo",
      "PartOf",
      "Conflicts",
      "ConditionPathExists",
      "Type",
      "ExecStart",
      "ExecStartPre",
      "ExecStartPost",
      "ExecReload",
      "ExecStop",
      "Restart",
      "RestartSec",
      "User",
      "Group",
      "Environment",
      "EnvironmentFile",
      "WorkingDirectory",
      "TimeoutStartSec",
      "TimeoutStopSec",
      "RemainAfterExit",
      "WantedBy",
      "RequiredBy",
      "Alias",
      "Also",
      "ListenStream",
      "ListenDatagram",
      "Accept",
      "Service",
      "OnCalendar",
      "OnBootSec",
      "OnUnitActiveSec",
      "Persistent",
      "Unit",
      "What",
      "Where",
      "Options",
      "Type",
      "PathExists",
      "PathChanged",
      "PathModified"
    ]);
    DirectiveItem = class {
      constructor(t2, replace) {
        this.t = t2;
        this.replace = replace;
      }
      t;
      replace;
      get label() {
        return this.t.label;
      }
      get kind() {
        return K.Property;
      }
      get detail() {
        return this.t.detail;
      }
      get documentation() {
        return this.t.documentation ??= renderDirective(this.t.info, { targetVersion: this.t.targetVersion });
      }
      get insertText() {
        return this.t.label;
      }
      get sortText() {
        return this.t.sortText;
      }
      get deprecated() {
        return this.t.deprecated;
      }
      get retrigger() {
        return this.t.retrigger;
      }
    };
    templatesByDialect = /* @__PURE__ */ new WeakMap();
  }
});

// server/src/catalog/notifyDocs.ts
function notifyMarkdown(focus) {
  const intro = {
    type: "With `Type=notify` the program tells systemd its state through `sd_notify()` over `$NOTIFY_SOCKET`:",
    watchdog: "The service keeps the watchdog happy by sending `WATCHDOG=1` through `sd_notify()`; systemd exports `$WATCHDOG_USEC` and `$WATCHDOG_PID` to tell it the interval. A non-zero value raises `NotifyAccess=` from `none` to `main`. Messages:",
    access: "Which processes of the service may send `sd_notify()` messages (`none`, `main`, `exec`, `all`). The messages:"
  }[focus];
  return `${intro}

${NOTIFY_MESSAGES.map(([m, t2]) => `- \`${m}\`: ${t2}`).join("\n")}`;
}
var NOTIFY_MESSAGES;
var init_notifyDocs = __esm({
  "server/src/catalog/notifyDocs.ts"() {
    "use strict";
    NOTIFY_MESSAGES = [
      [
        "READY=1",
        'start-up (or a reload) is complete; `Type=notify` and `notify-reload` services are not "active" until they send it'
      ],
      ["RELOADING=1", "the service has begun reloading its configuration; it sends `READY=1` when done"],
      ["STOPPING=1", "the service has begun shutting down"],
      ["STATUS=\u2026", "a one-line status text that `systemctl status` shows"],
      ["WATCHDOG=1", "keep-alive ping: must arrive within every `WatchdogSec=` interval or the service is considered hung"],
      ["WATCHDOG=trigger", "the service reports itself broken; systemd acts as if the watchdog had expired"],
      ["WATCHDOG_USEC=\u2026", "changes the watchdog interval at run time (\xB5s)"],
      ["EXTEND_TIMEOUT_USEC=\u2026", "asks for more time before the current start, run or stop timeout fires"],
      ["FDSTORE=1", "hands file descriptors to systemd to keep across restarts (needs `FileDescriptorStoreMax=`)"],
      ["MAINPID=\u2026", "tells systemd which process is the main one"]
    ];
  }
});

// server/src/services/hover.ts
function getHover(doc, offset, opts = {}) {
  if (offset >= doc.text.length && /[\r\n]$/.test(doc.text)) return void 0;
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node) return void 0;
  if (node.kind === "section") {
    if (offset < node.nameSpan.start - 1 || offset > node.nameSpan.end + 1) return void 0;
    const allowed = doc.analysis.allowedSections;
    const dialect = doc.analysis.dialect;
    const summary = dialect?.sectionSummary(node.name);
    const lines = [`**[${node.name}]**`];
    if (summary) lines.push(summary);
    const generated2 = quadletSectionHover(doc.path, doc.analysis, node.name);
    if (generated2) lines.push(generated2);
    const info2 = dialect?.section(node.name);
    if (info2?.repeatable)
      lines.push(`Each [${node.name}] header starts a new object; a bad value drops that whole object.`);
    if (info2?.renamedTo) lines.push(`Old name of [${info2.renamedTo}]; it still works.`);
    if (info2?.netdevKinds)
      lines.push(`Read only when \`Kind=\` is ${info2.netdevKinds.map((k) => `\`${k}\``).join(", ")}.`);
    if (allowed.length && !allowed.includes(node.name) && !node.name.startsWith("X-"))
      lines.push(`*Not read in this file; it takes ${allowed.map((s) => `[${s}]`).join(", ")}.*`);
    if (node.name.startsWith("X-")) lines.push("Extension section: systemd ignores it, tools may read it.");
    return { markdown: lines.join("\n\n"), span: node.nameSpan };
  }
  if (node.kind !== "assignment") return void 0;
  const entry = entryAt(doc.analysis, offset);
  if (!entry) return void 0;
  const info = entry.info;
  if (offset >= node.keySpan.start && offset <= node.keySpan.end) {
    if (!info) return void 0;
    let md = renderDirective(info, { targetVersion: opts.targetVersion, manText: opts.manPages !== false });
    const extra = quadletKeyHover(doc.path, doc.analysis, info, opts.podmanVersion) ?? directiveExtra(info, node.value, doc, opts);
    if (extra) md = md.replace(/\n\n---\n|$/, (m) => `

${extra}${m}`);
    return { markdown: md, span: node.keySpan };
  }
  if (offset > node.eq && info) {
    const extra = valueExtra(info, node.value, doc, opts);
    if (extra) return { markdown: extra, span: node.valueSpan };
    return valueHover(node.value, info, (s, e) => valueSpanToDocument(node, s, e), node.valueSpan, offset, doc, opts);
  }
  return void 0;
}
function directiveExtra(info, value, doc, opts) {
  if (info.section === "Service" && info.name === "Type" && (value === "notify" || value === "notify-reload"))
    return notifyMarkdown("type");
  if (info.section === "Service" && info.name === "WatchdogSec") return notifyMarkdown("watchdog");
  if (info.name === "NotifyAccess") return notifyMarkdown("access");
  if (info.section === "Manager" && HARDWARE_WATCHDOG_SETTINGS.has(info.name)) return watchdogText(value, opts);
  void doc;
  return void 0;
}
function watchdogText(value, opts) {
  const limits = opts.watchdog ?? limitsForDriver(DEFAULT_WATCHDOG_DRIVER);
  const ev = evaluateWatchdogValue(value);
  const lines = [];
  if (ev?.mode === "off") lines.push("`" + value + "`: the hardware watchdog is not used.");
  else if (ev?.mode === "keep")
    lines.push("`" + value + "`: systemd opens the device and keeps whatever timeout is already programmed.");
  else if (ev?.mode === "seconds") {
    const s = ev.seconds;
    const ok = s >= limits.min && s <= limits.max;
    const ticks = limits.ticks ? ` = **${limits.ticks(s)} ${limits.tickLabel}**` : "";
    lines.push(`\`${value}\` \u2192 **${s} s** after rounding up${ticks}.`);
    lines.push(
      ok ? `Within the accepted range of ${limits.label}: ${limits.min}\u2013${limits.max} s.` : `**Outside** the accepted range of ${limits.label} (${limits.min}\u2013${limits.max} s): the driver refuses it and systemd leaves the watchdog disarmed.`
    );
  }
  if (!lines.length || ev?.mode !== "seconds")
    lines.push(
      `Accepted by ${limits.label}: ${limits.min}\u2013${limits.max} s${limits.source === "kernel" ? " (as the kernel reports)" : ""}.`
    );
  lines.push(
    "Apply a change with `systemctl daemon-reexec`; `wdctl` shows the device and, on newer systems, the time left."
  );
  return lines.join("\n\n");
}
function valueExtra(info, value, doc, opts) {
  if (info.section === "Socket" && info.name === "FileDescriptorName") {
    const p = parseHint(value);
    if (p?.hint)
      return `**Socket hint** \u2014 ${describeHint(p.hint, serviceOf(doc.analysis))}.

A preloaded library (\`Environment=LD_PRELOAD=\u2026\` in a drop-in of the service) makes the daemon's own \`socket()\` call return the descriptor systemd passed instead of creating a new one. The index counts calls with exactly these numbers, from 0.`;
    if (p?.error) return `**Malformed socket hint** \u2014 ${p.error}`;
  }
  if (info.section === "Manager" && HARDWARE_WATCHDOG_SETTINGS.has(info.name)) return watchdogText(value, opts);
  if (info.name === "Environment" && opts.fileExists) {
    const m = /(?:^|\s)"?LD_PRELOAD=([^\s"]+)/.exec(value);
    if (m) {
      const libs = m[1].split(":").filter((l) => l.startsWith("/"));
      const missing2 = libs.filter((l) => !opts.fileExists(l));
      return missing2.length ? `**LD_PRELOAD**: ${missing2.map((l) => `\`${l}\``).join(", ")} ${missing2.length === 1 ? "is" : "are"} not installed on this machine: the service would start without it (the dynamic loader only warns), and no socket is handed over. Install the library first (\`sudo make -C preload install\` puts it at /usr/local/lib/sockethack/libsockethack.so).` : `**LD_PRELOAD**: ${libs.map((l) => `\`${l}\``).join(", ")} ${libs.length === 1 ? "is" : "are"} installed on this machine.`;
    }
  }
  return void 0;
}
function valueHover(value, info, map, valueSpan2, offset, doc, opts) {
  let rel = -1;
  for (let i = 0; i <= value.length; i++) {
    const sp = map(i, i + 1);
    if (sp.start >= offset) {
      rel = sp.start === offset ? i : Math.max(0, i - 1);
      break;
    }
  }
  if (rel < 0) rel = value.length - 1;
  if (rel < 0) return void 0;
  const spec = specifierAround(value, rel);
  if (spec && doc.analysis.dialect?.specifiers && specifierContextFor(info) !== "none") {
    const s = lookupSpecifier(spec.letter);
    const text = spec.letter === "%" ? "A literal `%`." : s ? `${s.meaning[0].toUpperCase()}${s.meaning.slice(1)} (since systemd ${s.since}).` : "Unknown specifier: systemd refuses the value.";
    const here = expandForUnit(spec.letter, doc);
    return {
      markdown: `**%${spec.letter}** specifier \u2014 ${text}${here !== void 0 ? `

In this unit: \`${here}\`.` : ""}`,
      span: map(spec.start, spec.start + 2)
    };
  }
  const { start: ws, end: we } = wordAt(value, rel);
  const word = value.slice(ws, we);
  const bare = word.replace(/^~/, "");
  const lines = [];
  let span = map(ws, we);
  const valueMeaning2 = (s, n, v) => doc.analysis.dialect?.valueMeaning(s, n, v);
  const meaning = valueMeaning2(info.section, info.name, bare) ?? valueMeaning2(info.section, info.name, value);
  if (meaning) lines.push(`\`${valueMeaning2(info.section, info.name, bare) ? bare : value}\` \u2014 ${meaning}`);
  if (!meaning && (info.kind === "bool" || info.kind === "tristate-bool" || info.kind === "enum-or-bool")) {
    const b = parseBoolean(value);
    if (b !== void 0) {
      lines.push(`\`${value}\` is a boolean: **${b ? "true" : "false"}**.`);
      span = valueSpan2;
    }
  }
  if (info.kind === "timespan-sec" || info.kind === "nsec") {
    const r = parseTimespan(value, info.kind === "nsec" ? 1e-3 : 1e6, info.kind === "nsec");
    if ("usec" in r) {
      lines.push(
        r.usec === "infinity" ? "`infinity`: no limit." : `\`${value}\` = **${formatSeconds(r.usec / 1e6)}**${r.usec >= 6e7 ? ` (${humanDuration(r.usec / 1e6)})` : ""}.`
      );
      span = valueSpan2;
    }
  }
  if (info.kind === "bytes" || info.kind === "bytes-or-percent") {
    const r = parseBytes(value, 1024);
    if ("bytes" in r) {
      lines.push(`\`${value}\` = **${groupDigits(r.bytes)} bytes**.`);
      span = valueSpan2;
    }
  }
  if (info.kind === "signal" || info.kind === "enum" && /Signal$/.test(info.name)) {
    const n = parseSignal(bare);
    if (n !== void 0 && !/^\d+$/.test(bare))
      lines.push(`\`${bare}\` is signal number **${n}**${n >= 34 ? " (a real-time signal)" : ""}.`);
  }
  if (info.kind === "mode" && /^[0-7]{3,4}$/.test(value)) {
    lines.push(
      info.name === "UMask" ? `\`${value}\` is a mask: new files and folders lose ${modeInWords(value)}.` : `\`${value}\` \u2014 ${modeInWords(value)}.`
    );
    span = valueSpan2;
  }
  if (info.kind === "calendar") {
    const md = calendarHoverMarkdown(value, (opts.now ?? Date.now)());
    if (md) {
      lines.push(md);
      span = valueSpan2;
    }
  }
  if ((info.kind === "unit" || info.kind === "unit-list") && opts.describeUnit && /\.[a-z]+$/.test(bare)) {
    const u = opts.describeUnit(bare);
    lines.push(
      u ? `**${bare}**${u.description ? ` \u2014 ${u.description}` : ""}

Defined in \`${u.path}\`.` : `**${bare}** \u2014 no unit file of this name was found in the workspace or on this machine.`
    );
  }
  if (!lines.length) {
    lines.push(`Value of **${info.name}=** \u2014 ${info.summary}`);
    span = valueSpan2;
  }
  return { markdown: lines.join("\n\n"), span };
}
function expandForUnit(letter, doc) {
  const f = doc.file;
  if (f.kind !== "unit" && f.kind !== "dropin") return void 0;
  const name = f.unitName;
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const at2 = stem.indexOf("@");
  const prefix = at2 >= 0 ? stem.slice(0, at2) : stem;
  const instance = at2 >= 0 ? stem.slice(at2 + 1) : "";
  const unescape = (s) => s.replace(/\\x([0-9a-fA-F]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))).replace(/-/g, "/");
  switch (letter) {
    case "n":
      return name;
    case "N":
      return stem;
    case "p":
      return prefix;
    case "P":
      return unescape(prefix);
    case "i":
      return at2 >= 0 ? instance : "";
    case "I":
      return at2 >= 0 ? unescape(instance) : "";
    case "j":
      return prefix.slice(prefix.lastIndexOf("-") + 1);
    default:
      return void 0;
  }
}
function modeInWords(mode) {
  const digits = mode.padStart(4, "0").split("").map(Number);
  const who = ["owner", "group", "others"];
  const perm = (d) => [d & 4 ? "read" : "", d & 2 ? "write" : "", d & 1 ? "run/enter" : ""].filter(Boolean).join(", ") || "nothing";
  const special = [
    digits[0] & 4 ? "setuid" : "",
    digits[0] & 2 ? "setgid" : "",
    digits[0] & 1 ? "sticky" : ""
  ].filter(Boolean);
  return `${who.map((w, i) => `${w}: ${perm(digits[i + 1])}`).join("; ")}${special.length ? `; plus ${special.join(", ")}` : ""}`;
}
function specifierAround(value, rel) {
  for (const k of [rel, rel - 1]) {
    if (k < 0 || value[k] !== "%" || k + 1 >= value.length) continue;
    let n = 0;
    for (let j = k; j >= 0 && value[j] === "%"; j--) n++;
    if (n % 2 === 1) return { letter: value[k + 1], start: k };
  }
  return void 0;
}
function formatSeconds(s) {
  const str = Number.isInteger(s) ? String(s) : s.toFixed(6).replace(/0+$/, "");
  return `${str} s`;
}
function humanDuration(total) {
  const parts = [];
  const units2 = [
    [86400, "d"],
    [3600, "h"],
    [60, "min"],
    [1, "s"]
  ];
  let rest2 = total;
  for (const [n, u] of units2) {
    if (rest2 >= n) {
      const q2 = Math.floor(rest2 / n);
      parts.push(`${q2}${u}`);
      rest2 -= q2 * n;
    }
  }
  if (rest2 > 0) parts.push(`${Math.round(rest2 * 1e3)}ms`);
  return parts.join(" ");
}
function groupDigits(n) {
  const digits = Number.isSafeInteger(n) || !Number.isInteger(n) ? String(n) : BigInt(n).toString();
  return digits.replace(/^(\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ","));
}
var init_hover = __esm({
  "server/src/services/hover.ts"() {
    "use strict";
    init_catalog();
    init_docs();
    init_parser();
    init_context2();
    init_timespan();
    init_bytes2();
    init_bool();
    init_signal();
    init_values();
    init_notifyDocs();
    init_drivers();
    init_evaluate();
    init_socketHints();
    init_calendarAssist();
    init_quadletAssist();
  }
});

// server/src/services/symbols.ts
function getDocumentSymbols(doc) {
  const out = [];
  for (const s of doc.tree.sections) {
    const children = s.assignments.map((a) => ({
      name: a.key,
      detail: a.value.length > 60 ? `${a.value.slice(0, 57)}\u2026` : a.value,
      kind: 7,
      span: { start: a.start, end: trimEnd(doc.text, a.start, a.end) },
      selection: a.keySpan
    }));
    if (!s.header) {
      out.push(...children);
      continue;
    }
    out.push({
      name: `[${s.header.name}]`,
      kind: 2,
      span: { start: s.header.start, end: trimEnd(doc.text, s.header.start, s.end) },
      selection: s.header.nameSpan.end > s.header.nameSpan.start ? s.header.nameSpan : { start: s.header.start, end: s.header.start + 1 },
      children
    });
  }
  return out;
}
function trimEnd(text, start, end) {
  let e = end;
  while (e > start && isBlank2(text.charCodeAt(e - 1))) e--;
  return e;
}
var isBlank2;
var init_symbols = __esm({
  "server/src/services/symbols.ts"() {
    "use strict";
    isBlank2 = (c) => c === 32 || c === 9 || c === 10 || c === 13;
  }
});

// server/src/services/folding.ts
function getFoldingRanges(doc) {
  const out = [];
  const ls = doc.tree.lineStarts;
  const lastLineOf = (end) => lineOfOffset(ls, Math.max(0, end - 1));
  const sections = doc.tree.sections.filter((s) => s.header);
  const all = doc.tree.nodes;
  let k = 0;
  for (const s of sections) {
    while (k < all.length && all[k].start < s.start) k++;
    let last;
    for (let j = k; j < all.length && all[j].start < s.end; j++) if (all[j].kind !== "blank") last = all[j];
    if (!last) continue;
    const start = s.header.line;
    const end = lastLineOf(last.end);
    if (end > start) out.push({ startLine: start, endLine: end, kind: "region" });
  }
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart >= 0 && blockEnd > blockStart)
      out.push({ startLine: blockStart, endLine: blockEnd, kind: "comment" });
    blockStart = -1;
  };
  for (const n of doc.tree.nodes) {
    if (n.kind === "comment") {
      if (blockStart < 0) blockStart = n.line;
      blockEnd = lastLineOf(n.end);
    } else flush();
  }
  flush();
  return out;
}
var init_folding = __esm({
  "server/src/services/folding.ts"() {
    "use strict";
    init_lineIndex();
  }
});

// server/src/services/links.ts
import { existsSync as existsSync3 } from "node:fs";
import { pathToFileURL as pathToFileURL2 } from "node:url";
function manUrl(page, section) {
  if (/^(systemd|sd[-_]|journald|logind|networkd|resolved|timesyncd|udev|bootctl|machinectl|homectl|portablectl|tmpfiles|sysusers|journalctl|loginctl|systemctl|busctl|coredumpctl|hostnamectl|localectl|timedatectl|networkctl|resolvectl|os-release|machine-id|crypttab|hostname|locale\.conf|vconsole)/.test(
    page
  )) {
    return `https://www.freedesktop.org/software/systemd/man/latest/${page}.html`;
  }
  return `https://man7.org/linux/man-pages/man${section}/${page}.${section}.html`;
}
function getDocumentLinks(doc, fileExists = existsSync3) {
  const out = [];
  for (const e of doc.analysis.entries) {
    if (!e.info || !e.node.value) continue;
    const v = e.node.value;
    const words4 = [...v.matchAll(/\S+/g)];
    if (e.info.name === "Documentation") {
      for (const w of words4) {
        const span = valueSpanToDocument(e.node, w.index, w.index + w[0].length);
        const man = /^man:([\w.+:@-]+)\((\d\w*)\)$/.exec(w[0]);
        if (man)
          out.push({ span, target: manUrl(man[1], man[2]), tooltip: `Open the ${man[1]}(${man[2]}) man page` });
        else if (/^https?:\/\//.test(w[0])) out.push({ span, target: w[0] });
        else if (/^file:\//.test(w[0])) out.push({ span, target: w[0] });
      }
      continue;
    }
    if (!PATH_KINDS.has(e.info.kind)) continue;
    for (const w of words4) {
      const m = /^[-@:+!|]*(\/[^\s:%$"']*)/.exec(w[0]);
      if (!m) continue;
      const path = m[1];
      if (path.length < 2 || !fileExists(path)) continue;
      const start = w.index + (w[0].length - w[0].replace(/^[-@:+!|]*/, "").length);
      out.push({
        span: valueSpanToDocument(e.node, start, start + path.length),
        target: pathToFileURL2(path).href,
        tooltip: `Open ${path}`
      });
    }
  }
  return out;
}
var PATH_KINDS;
var init_links = __esm({
  "server/src/services/links.ts"() {
    "use strict";
    init_parser();
    PATH_KINDS = /* @__PURE__ */ new Set(["path", "path-list", "env-file", "exec-command", "bind-paths", "condition"]);
  }
});

// server/src/services/definition.ts
function getDefinition(doc, offset, index, quadletFiles) {
  const ref = quadletFiles ? quadletRefAt(doc.analysis, offset) : void 0;
  if (ref)
    return quadletFiles().filter((u) => u.path.endsWith(`/${ref.name}`)).map((u) => ({ path: u.path, uri: UnitIndex.uriOf(u.path) }));
  const entry = entryAt(doc.analysis, offset);
  if (entry && entry.info && UNIT_VALUE_KINDS.has(entry.info.kind) && offset > entry.node.eq) {
    const node = entry.node;
    const rel = Math.max(0, Math.min(node.value.length, offset - node.valueSpan.start));
    const w = wordAt(node.value, rel);
    const name = node.value.slice(w.start, w.end);
    if (name) return index.find(name).map((p) => ({ path: p, uri: UnitIndex.uriOf(p) }));
  }
  const file = doc.analysis.file;
  if (file.kind === "dropin" && appliesToOneUnit(file.unitName, file.unitType)) {
    return index.find(file.unitName).map((p) => ({ path: p, uri: UnitIndex.uriOf(p) }));
  }
  return [];
}
var UNIT_VALUE_KINDS;
var init_definition = __esm({
  "server/src/services/definition.ts"() {
    "use strict";
    init_context2();
    init_unitIndex();
    init_unitWorld();
    init_quadletAssist();
    UNIT_VALUE_KINDS = /* @__PURE__ */ new Set(["unit", "unit-list"]);
  }
});

// server/src/services/codeActions.ts
function textEditsOf(a, uri) {
  const e = a.edit;
  if (!e) return [];
  if ("changes" in e) return e.changes[uri] ?? [];
  return e.documentChanges.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
}
function getCodeActions(doc, diagnostics, env) {
  const out = [];
  for (const d of diagnostics) {
    const code = String(d.code ?? "");
    const data = d.data ?? {};
    const edit = (edits) => ({
      changes: { [env.uri]: edits }
    });
    if (RENAMING.has(code) && data.suggestions?.length) {
      const replacing = code === "renamed-directive" || code === "deprecated-directive" || code === "ignored-directive";
      data.suggestions.forEach((s, i) => {
        const r = replacing ? replacementCheck(doc, entryAt2(doc, env.toOffset(d.range.start)), s) : { offer: true, sameStorage: true };
        if (!r.offer) return;
        const verb = replacing ? "Replace with" : code === "watchdog-out-of-range" ? "Set to the driver's limit" : "Change to";
        const cautious = code === "ignored-directive" || !r.sameStorage;
        const caution = cautious ? " (check the value: its meaning or scale may differ)" : "";
        out.push({
          title: `${verb} '${s}'${caution}`,
          kind: "quickfix",
          diagnostics: [d],
          isPreferred: i === 0 && !cautious,
          edit: edit([{ range: d.range, newText: s }])
        });
      });
    }
    if (code === "vendor-modified" && data.vendor) {
      out.push({
        title: "Move the change to a drop-in and keep the vendor file as shipped",
        kind: "quickfix",
        diagnostics: [d],
        isPreferred: true,
        command: { title: "Move to Drop-in", command: "systemd.moveToDropIn", arguments: [env.uri] }
      });
      const shipped = data.vendor.restorable ? env.shippedText?.() : void 0;
      if (shipped !== void 0) {
        out.push({
          title: `Restore the shipped file (${data.vendor.from}), dropping the change`,
          kind: "quickfix",
          diagnostics: [d],
          edit: {
            documentChanges: [
              {
                textDocument: { uri: env.uri, version: null },
                edits: [
                  { range: env.toRange({ start: 0, end: doc.text.length }), newText: shipped, annotationId: "restore" }
                ]
              }
            ],
            changeAnnotations: {
              restore: {
                label: "Restore the shipped vendor file",
                description: `from ${data.vendor.from}`,
                needsConfirmation: true
              }
            }
          }
        });
      }
    }
    if (data.insertLine) {
      const eol = /\r\n/.test(doc.text) ? "\r\n" : "\n";
      const at2 = data.insertLine.at;
      out.push({
        title: `Insert '${data.insertLine.text}' before this line (reset the list first)`,
        kind: "quickfix",
        diagnostics: [d],
        isPreferred: true,
        edit: edit([{ range: env.toRange({ start: at2, end: at2 }), newText: `${data.insertLine.text}${eol}` }])
      });
    }
    if ((code === "duplicate-directive" || code === "dropin-no-change" && !setEarlierInFile(doc, data.removeSpan?.start ?? 0)) && data.removeSpan) {
      out.push({
        title: "Remove this assignment (it has no effect)",
        kind: "quickfix",
        diagnostics: [d],
        isPreferred: true,
        edit: edit([{ range: env.toRange(data.removeSpan), newText: "" }])
      });
    }
    if ((code === "directive-wrong-section" || code === "moved-directive") && data.targetSection) {
      const move = moveEdits(doc, env.toOffset(d.range.start), data.targetSection);
      if (move)
        out.push({
          title: `Move to [${data.targetSection}]`,
          kind: "quickfix",
          diagnostics: [d],
          isPreferred: true,
          edit: edit(move.map((m) => ({ range: env.toRange(m.span), newText: m.text })))
        });
    }
  }
  return out;
}
function moveEdits(doc, offset, target) {
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node || node.kind !== "assignment") return void 0;
  const eol = /\r\n/.test(doc.text) ? "\r\n" : "\n";
  let lineText = doc.text.slice(node.start, node.end);
  if (!/[\r\n]$/.test(lineText)) lineText += eol;
  const sections = doc.tree.sections.filter((s) => s.name === target);
  const dest = sections[sections.length - 1];
  if (dest) {
    const inSection = doc.tree.nodes.filter(
      (n) => n.start >= dest.start && n.start < dest.end && n.kind !== "blank" && n !== node
    );
    const last = inSection[inSection.length - 1];
    let at2 = last.end;
    let prefix = "";
    if (!/[\r\n]$/.test(doc.text.slice(last.start, last.end))) prefix = eol;
    if (at2 === node.start) at2 = node.end;
    const later = laterInSections(node, sections, target);
    if (later)
      return [
        { span: { start: node.start, end: node.end }, text: "" },
        { span: { start: later.start, end: later.start }, text: lineText }
      ];
    return [
      { span: { start: node.start, end: node.end }, text: "" },
      { span: { start: at2, end: at2 }, text: prefix + lineText }
    ];
  }
  const end = doc.text.length;
  const needsEol = end > 0 && !/[\r\n]$/.test(doc.text);
  return [
    { span: { start: node.start, end: node.end }, text: "" },
    { span: { start: end, end }, text: `${needsEol ? eol : ""}${eol}[${target}]${eol}${lineText}` }
  ];
}
function getMoveToDropInActions(doc, offset, uri, shipped) {
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node || node.kind !== "assignment") return [];
  const known = shipped?.text !== void 0 ? shipped.text : void 0;
  if (doc.file.kind === "config") {
    const dialect = doc.analysis.dialect;
    if (!shipped || known === void 0 || !shipped.differs || !dialect || !configLineDiffers(dialect, doc.text, known, node.line))
      return [];
    return [
      {
        title: `Move ${node.key}= to a drop-in (keep the vendor file as shipped)`,
        kind: "quickfix",
        command: { title: "Move to Drop-in", command: "systemd.moveToDropIn", arguments: [uri, node.line] }
      }
    ];
  }
  if (doc.file.kind !== "unit" || !isVendorUnitFile(doc.path)) return [];
  if (shipped && !shipped.differs) return [];
  const out = [];
  if (known === void 0 || lineDiffersFromShipped(doc.text, known, node.line, doc.analysis.unitType)) {
    out.push({
      title: `Move ${node.key}= to a drop-in (keep the vendor file as shipped)`,
      kind: "quickfix",
      command: { title: "Move to Drop-in", command: "systemd.moveToDropIn", arguments: [uri, node.line] }
    });
  }
  out.push({
    title: known !== void 0 ? "Move every change from the shipped version of this vendor unit to a drop-in" : "Move all unsaved changes of this vendor unit to a drop-in",
    kind: "refactor.move",
    command: { title: "Move to Drop-in", command: "systemd.moveToDropIn", arguments: [uri] }
  });
  return out;
}
function entryAt2(doc, offset) {
  const node = nodeAt(doc.tree.nodes, offset);
  return node && node.kind === "assignment" ? doc.analysis.entries.find((e) => e.node === node) : void 0;
}
function replacementCheck(doc, entry, name) {
  const info = entry?.info;
  if (!entry || !info) return { offer: true, sameStorage: true };
  const from = canonicalDirective(info.section, entry.node.key);
  const to = canonicalDirective(info.section, name);
  if (sameDirective(from, to)) return { offer: true, sameStorage: true };
  const repl = to.info;
  if (!repl) return { offer: false, sameStorage: false };
  const value = entry.node.value;
  if (value !== "" && validateValue(value, {
    section: repl.section,
    directive: repl.name,
    kind: repl.kind,
    parser: repl.parser,
    enumValues: repl.enumValues,
    unitType: doc.analysis.unitType,
    targetVersion: NEWEST_VERSION
  }).some((p) => p.severity === "error"))
    return { offer: false, sameStorage: false };
  const alreadySet = doc.analysis.entries.some(
    (e) => e !== entry && e.info && sameDirective(canonicalDirective(e.info.section, e.node.key), to)
  );
  return { offer: !alreadySet, sameStorage: false };
}
function setEarlierInFile(doc, offset) {
  const entry = entryAt2(doc, offset);
  if (!entry?.info) return false;
  const me = canonicalDirective(entry.info.section, entry.node.key);
  return doc.analysis.entries.some(
    (e) => e.node.start < entry.node.start && e.info && sameDirective(canonicalDirective(e.info.section, e.node.key), me)
  );
}
function laterInSections(node, sections, target) {
  const me = canonicalDirective(target, node.key);
  for (const s of sections) {
    if (s.end <= node.start) continue;
    const a = s.assignments.find((x) => x.start > node.start && sameDirective(canonicalDirective(target, x.key), me));
    if (a) return a;
  }
  return void 0;
}
var RENAMING, sameDirective;
var init_codeActions = __esm({
  "server/src/services/codeActions.ts"() {
    "use strict";
    init_context2();
    init_effective();
    init_values();
    init_catalog();
    init_unitWorld();
    init_shipped();
    init_configDropIn();
    RENAMING = /* @__PURE__ */ new Set([
      "unknown-directive",
      "invalid-value",
      "unknown-section",
      "renamed-directive",
      "deprecated-directive",
      "ignored-directive",
      "unknown-specifier",
      "watchdog-out-of-range",
      "fd-hint-mismatch"
    ]);
    sameDirective = (a, b) => a.section === b.section && a.name === b.name;
  }
});

// server/src/services/formatting.ts
function contentEnd(text, from, limit) {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0) break;
    i++;
  }
  return i;
}
function formatDocument(doc) {
  const text = doc.text;
  const nodes = doc.tree.nodes;
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  const edits = [];
  const lineTidy = (n, desired) => {
    const end = contentEnd(text, n.start, n.end);
    if (text.charCodeAt(end) === 0) return;
    const current = text.slice(n.start, end);
    if (current !== desired) edits.push({ start: n.start, end, newText: desired });
  };
  const firstContent = nodes.findIndex((n) => n.kind !== "blank");
  const deleted = /* @__PURE__ */ new Set();
  let i = 0;
  while (i < nodes.length) {
    if (nodes[i].kind !== "blank") {
      i++;
      continue;
    }
    let j = i;
    while (j < nodes.length && nodes[j].kind === "blank") j++;
    const atStart = i < firstContent || firstContent < 0;
    const atEnd = j === nodes.length;
    const keep = atStart || atEnd ? 0 : 1;
    if (j - i > keep) {
      const from = nodes[i + keep].start;
      const to = atEnd ? text.length : nodes[j].start;
      edits.push({ start: from, end: to, newText: "" });
      for (let d = i + keep; d < j; d++) deleted.add(d);
    }
    i = j;
  }
  for (let i2 = 0; i2 < nodes.length; i2++) {
    const n = nodes[i2];
    if (n.kind === "assignment") {
      if (n.pieces.length !== 1 || n.innerComments.length) continue;
      const end = contentEnd(text, n.start, n.end);
      if (/\\\s*$/.test(text.slice(n.start, end))) continue;
      const value = n.valueSpan.end > n.valueSpan.start ? text.slice(n.valueSpan.start, n.valueSpan.end) : "";
      lineTidy(n, `${n.key}=${value}`);
    } else if (n.kind === "section") {
      if (n.wellFormed) lineTidy(n, text.slice(n.start, contentEnd(text, n.start, n.end)).trim());
    } else if (n.kind === "blank" && !deleted.has(i2)) {
      lineTidy(n, "");
    }
  }
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k];
    if (n.kind !== "section" || k <= firstContent) continue;
    let top = k;
    while (top - 1 > firstContent && nodes[top - 1].kind === "comment") top--;
    const before = nodes[top - 1];
    if (before && before.kind !== "blank" && top > firstContent) {
      edits.push({ start: nodes[top].start, end: nodes[top].start, newText: eol });
    }
  }
  const last = nodes[nodes.length - 1];
  if (last && last.kind !== "blank" && text.length > 0 && !/[\r\n]$/.test(text) && text.charCodeAt(text.length - 1) !== 0) {
    edits.push({ start: text.length, end: text.length, newText: eol });
  }
  return normalise(edits);
}
function normalise(edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const out = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && e.start < prev.end) continue;
    out.push(e);
  }
  return out;
}
function applyEdits(text, edits) {
  let out = "";
  let at2 = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at2, e.start) + e.newText;
    at2 = e.end;
  }
  return out + text.slice(at2);
}
var init_formatting = __esm({
  "server/src/services/formatting.ts"() {
    "use strict";
  }
});

// server/src/services/semanticTokens.ts
function valueType(kind) {
  if (!kind) return "string";
  if (NUMBER_KINDS.has(kind)) return "number";
  if (ENUM_KINDS.has(kind)) return "enumMember";
  if (UNIT_KINDS.has(kind)) return "type";
  return "string";
}
function getSemanticTokens(doc) {
  const out = [];
  const text = doc.text;
  const info = new Map(doc.analysis.entries.map((e) => [e.node, e.info]));
  for (const n of doc.tree.nodes) {
    if (n.kind === "comment") {
      let end = n.end;
      while (end > n.start && /[\r\n\0]/.test(text[end - 1])) end--;
      out.push({ start: n.start, length: end - n.start, type: "comment" });
    } else if (n.kind === "section") {
      if (n.nameSpan.end > n.nameSpan.start)
        out.push({ start: n.nameSpan.start, length: n.nameSpan.end - n.nameSpan.start, type: "namespace" });
    } else if (n.kind === "assignment") {
      const d = info.get(n);
      const deprecated = !!d && d.status !== "active";
      out.push({
        start: n.keySpan.start,
        length: n.keySpan.end - n.keySpan.start,
        type: "property",
        ...deprecated ? { deprecated } : {}
      });
      out.push({ start: n.eq, length: 1, type: "operator" });
      const type = valueType(d?.kind);
      for (const p of n.pieces) {
        const from = Math.max(p.start, n.valueSpan.start);
        const to = Math.min(p.end, n.valueSpan.end);
        if (to <= from) continue;
        pushValue(out, text, from, to, type);
      }
    }
  }
  return out;
}
function pushValue(out, text, from, to, type) {
  let at2 = from;
  for (let i = from; i < to - 1; i++) {
    if (text[i] !== "%") continue;
    if (text[i + 1] === "%") {
      i++;
      continue;
    }
    if (i > at2) out.push({ start: at2, length: i - at2, type });
    out.push({ start: i, length: 2, type: "macro" });
    at2 = i + 2;
    i++;
  }
  if (to > at2) out.push({ start: at2, length: to - at2, type });
}
var NUMBER_KINDS, ENUM_KINDS, UNIT_KINDS;
var init_semanticTokens = __esm({
  "server/src/services/semanticTokens.ts"() {
    "use strict";
    init_tokenLegend();
    NUMBER_KINDS = /* @__PURE__ */ new Set([
      "bytes",
      "bytes-or-percent",
      "timespan-sec",
      "nsec",
      "int",
      "unsigned",
      "nice",
      "oom-score",
      "percent",
      "cpu-weight",
      "io-weight",
      "mode",
      "limit",
      "count-or-percent",
      "cpu-set"
    ]);
    ENUM_KINDS = /* @__PURE__ */ new Set([
      "bool",
      "tristate-bool",
      "enum",
      "enum-list",
      "enum-or-bool",
      "signal",
      "capability-list",
      "syscall-filter",
      "address-family-list"
    ]);
    UNIT_KINDS = /* @__PURE__ */ new Set(["unit", "unit-list"]);
  }
});

// server/src/services/references.ts
function unitMentions(doc, name) {
  const out = [];
  for (const e of doc.analysis.entries) {
    if (!e.info || !UNIT_KINDS2.has(e.info.kind) || !e.node.value) continue;
    const v = e.node.value;
    for (const m of v.matchAll(/\S+/g)) {
      if (m[0] !== name) continue;
      out.push(valueSpanToDocument(e.node, m.index, m.index + m[0].length));
    }
  }
  return out;
}
function unitNameAt(doc, offset) {
  const entry = entryAt(doc.analysis, offset);
  if (entry?.info && UNIT_KINDS2.has(entry.info.kind) && offset > entry.node.eq) {
    const rel = Math.max(0, Math.min(entry.node.value.length, offset - entry.node.valueSpan.start));
    const w = wordAt(entry.node.value, rel);
    const name = entry.node.value.slice(w.start, w.end);
    return /^[^\s%]+\.[a-z]+$/.test(name) ? name : void 0;
  }
  return doc.file.kind === "unit" ? doc.file.unitName : void 0;
}
function findUnitReferences(name, docs) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const d of docs) {
    if (seen.has(d.path)) continue;
    seen.add(d.path);
    for (const span of unitMentions(d, name)) out.push({ path: d.path, span });
  }
  return out;
}
var UNIT_KINDS2;
var init_references = __esm({
  "server/src/services/references.ts"() {
    "use strict";
    init_context2();
    init_parser();
    UNIT_KINDS2 = /* @__PURE__ */ new Set(["unit", "unit-list"]);
  }
});

// server/src/services/highlight.ts
function getDocumentHighlights(doc, offset) {
  const node = nodeAt(doc.tree.nodes, offset);
  if (!node) return [];
  if (node.kind === "section") {
    return doc.tree.nodes.flatMap(
      (n) => n.kind === "section" && n.name === node.name ? [{ span: n.nameSpan, kind: "text" }] : []
    );
  }
  const entry = entryAt(doc.analysis, offset);
  if (!entry) return [];
  if (offset <= entry.node.keySpan.end) {
    const section = entry.section.section.name;
    return doc.analysis.entries.filter((e) => e.section.section.name === section && e.node.key === entry.node.key).map((e) => ({ span: e.node.keySpan, kind: "write" }));
  }
  if (entry.info && (entry.info.kind === "unit" || entry.info.kind === "unit-list")) {
    const rel = Math.max(0, Math.min(entry.node.value.length, offset - entry.node.valueSpan.start));
    const w = wordAt(entry.node.value, rel);
    const name = entry.node.value.slice(w.start, w.end);
    return name ? unitMentions(doc, name).map((span) => ({ span, kind: "read" })) : [];
  }
  return [];
}
var init_highlight = __esm({
  "server/src/services/highlight.ts"() {
    "use strict";
    init_context2();
    init_references();
  }
});

// server/src/services/codeLens.ts
function dropInLens(doc, uri, dropIns) {
  if (doc.file.kind !== "unit" || dropIns === 0) return [];
  const first = doc.tree.nodes.find((n) => n.kind === "section") ?? doc.tree.nodes[0];
  const span = first ? { start: first.start, end: first.start } : { start: 0, end: 0 };
  return [
    {
      span,
      title: `${dropIns} drop-in${dropIns === 1 ? "" : "s"} \xB7 show effective unit`,
      command: "systemd.showEffectiveUnit",
      arguments: [uri]
    }
  ];
}
var init_codeLens = __esm({
  "server/src/services/codeLens.ts"() {
    "use strict";
  }
});

// server/src/services/inlayHints.ts
function getInlayHints(doc, range, effective2) {
  const out = [];
  for (const e of doc.analysis.entries) {
    const n = e.node;
    if (n.end < range.start || n.start > range.end || !e.info) continue;
    if (TIME_KINDS.has(e.info.kind) && n.value && !/^\d+$/.test(n.value)) {
      const r = parseTimespan(n.value, e.info.kind === "nsec" ? 1 : void 0, e.info.kind === "nsec");
      if ("usec" in r && r.usec !== "infinity")
        out.push({ at: n.valueSpan.end, label: ` = ${formatSeconds(r.usec / 1e6)}` });
    }
    if (effective2 && doc.file.kind === "unit") {
      const origin = effective2.originOf(e.info.section, n.key);
      const winner = origin?.setBy[origin.setBy.length - 1];
      if (origin && winner && winner.file !== doc.path && origin.overridden.some((o) => o.file === doc.path && o.line === n.line + 1)) {
        const where2 = `${winner.file.slice(winner.file.lastIndexOf("/") + 1)}:${winner.line}`;
        out.push({ at: n.valueSpan.end, label: ` \u2192 ${winner.value} (${where2})`, tooltip: origin.message });
      }
    }
  }
  return out;
}
var TIME_KINDS;
var init_inlayHints = __esm({
  "server/src/services/inlayHints.ts"() {
    "use strict";
    init_timespan();
    init_hover();
    TIME_KINDS = /* @__PURE__ */ new Set(["timespan-sec", "nsec"]);
  }
});

// server/src/services/quadletGenerate.ts
import { basename as basename8, dirname as dirname8, isAbsolute as isAbsolute3, join as join10 } from "node:path";
function q(arg) {
  return /[\s"'\\]/.test(arg) ? `"${arg.replace(/(["\\])/g, "\\$1")}"` : arg;
}
function words3(value) {
  const out = [];
  for (const m of value.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}
function resourceName(fileName, around) {
  const u = around.find((x) => basename8(x.path) === fileName);
  const t2 = fileName.slice(fileName.lastIndexOf(".") + 1);
  const base = fileName.slice(0, fileName.lastIndexOf("."));
  const v = u ? quadletValues(u.analysis.entries, quadletSection(t2)) : void 0;
  const get = (k) => v?.last(k)?.node.value.trim() || void 0;
  switch (t2) {
    case "container":
      return get("ContainerName") ?? `systemd-${base}`;
    case "volume":
      return get("VolumeName") ?? `systemd-${base}`;
    case "network":
      return get("NetworkName") ?? `systemd-${base}`;
    case "pod":
      return get("PodName") ?? `systemd-${base}`;
    case "image":
      return get("ImageTag") ?? get("Image");
    case "build":
      return v?.all("ImageTag")[0]?.node.value.trim();
    default:
      return void 0;
  }
}
function serviceOfFile(fileName, around) {
  const u = around.find((x) => basename8(x.path) === fileName);
  const t2 = fileName.slice(fileName.lastIndexOf(".") + 1);
  const sn = u ? quadletValues(u.analysis.entries, quadletSection(t2)).last("ServiceName")?.node.value.trim() : void 0;
  return quadletServiceName(fileName, sn || void 0) ?? fileName;
}
function planGeneratedUnit(path, analysis, around = []) {
  const t2 = quadletTypeOf(analysis.dialect?.id);
  if (!t2 || analysis.file.kind !== "config")
    return { error: "Show Generated Unit works on Podman Quadlet files (.container, .volume, .network, .pod)." };
  if (analysis.file.dropIn)
    return { error: "This is a Quadlet drop-in; open the .container (or .volume\u2026) file it belongs to." };
  if (!SUPPORTED.includes(t2))
    return {
      error: `Show Generated Unit covers .container, .volume, .network and .pod files; .${t2} files are not modelled yet.`
    };
  const fileName = analysis.file.name;
  const section = quadletSection(t2);
  const v = quadletValues(analysis.entries, section);
  const val = (k) => v.last(k)?.node.value.trim() || void 0;
  const all = (k) => v.all(k).map((e) => e.node.value.trim());
  const bool = (k) => {
    const x = val(k);
    return x === void 0 ? void 0 : /^(?:1|yes|true|on)$/i.test(x);
  };
  const name = quadletServiceName(fileName, val("ServiceName")) ?? `${fileName}.service`;
  const user = quadletScopeOf(path) === "user";
  const base = fileName.slice(0, fileName.lastIndexOf("."));
  const unitAdd = [];
  const serviceAdd = [];
  const notes = [];
  const quadletGroup = quadletValues(analysis.entries, "Quadlet");
  const defaultDeps = !/^(?:0|no|false|off)$/i.test(
    quadletGroup.last("DefaultDependencies")?.node.value.trim() ?? "true"
  );
  if (defaultDeps) {
    const online = user ? "podman-user-wait-network-online.service" : "network-online.target";
    unitAdd.push(["Wants", online], ["After", online]);
  }
  unitAdd.push(["SourcePath", path], ["RequiresMountsFor", "%t/containers"]);
  const dep = (ref, kind = "Requires") => {
    const svc = serviceOfFile(ref, around);
    unitAdd.push([kind, svc], ["After", svc]);
    const r = resourceName(ref, around);
    if (!r) notes.push(`${ref} is not among the Quadlet files around: its resource name is a guess.`);
    return r ?? `systemd-${ref.slice(0, ref.lastIndexOf("."))}`;
  };
  const networkArg = (n) => {
    const m = /^([^:]+\.(network|container))(?::(.*))?$/.exec(n);
    if (!m) return n;
    if (m[2] === "container") return `container:${dep(m[1])}`;
    return `${dep(m[1])}${m[3] ? `:${m[3]}` : ""}`;
  };
  const volumeArg = (spec) => {
    const parts = spec.split(":");
    const src = parts[0];
    if (/\.volume$/.test(src) && parts.length > 1) parts[0] = dep(src);
    else if (src.startsWith("/") || src.startsWith(".")) {
      const host = src.startsWith(".") ? join10(dirname8(path), src) : src;
      if (parts.length > 1) {
        parts[0] = host;
        unitAdd.push(["RequiresMountsFor", host]);
      }
    }
    return parts.join(":");
  };
  const globalArgs = all("GlobalArgs").flatMap(words3);
  const podmanArgs = all("PodmanArgs").flatMap(words3);
  const modules = all("ContainersConfModule").map((m) => `--module=${m}`);
  const labels = all("Label").flatMap(words3).map((l) => `--label ${q(l)}`);
  const cmd = (sub, args) => [PODMAN, ...modules, ...globalArgs.map(q), sub, ...args].join(" ");
  switch (t2) {
    case "container": {
      const cname = val("ContainerName") ?? "systemd-%N";
      const args = ["--name", q(cname), "--replace", "--rm", `--cgroups=${val("CgroupsMode") ?? "split"}`];
      const oneshot = quadletValues(analysis.entries, "Service").last("Type")?.node.value.trim() === "oneshot";
      const notify = val("Notify");
      if (!oneshot)
        args.push(
          `--sdnotify=${notify === "healthy" ? "healthy" : notify && /^(?:1|yes|true|on)$/i.test(notify) ? "container" : "conmon"}`
        );
      args.push("-d");
      const pod = val("Pod");
      if (pod) args.push("--pod", q(dep(pod, "BindsTo")));
      for (const n of all("Network")) args.push("--network", q(networkArg(n)));
      const userV = val("User");
      if (userV) args.push("--user", q(val("Group") ? `${userV}:${val("Group")}` : userV));
      const simple = [
        ["UserNS", "--userns"],
        ["HostName", "--hostname"],
        ["IP", "--ip"],
        ["IP6", "--ip6"],
        ["Memory", "--memory"],
        ["PidsLimit", "--pids-limit"],
        ["ShmSize", "--shm-size"],
        ["WorkingDir", "--workdir"],
        ["StopSignal", "--stop-signal"],
        ["StopTimeout", "--stop-timeout"],
        ["Timezone", "--tz"],
        ["Pull", "--pull"],
        ["Retry", "--retry"],
        ["RetryDelay", "--retry-delay"],
        ["LogDriver", "--log-driver"],
        ["HealthCmd", "--health-cmd"],
        ["HealthInterval", "--health-interval"],
        ["HealthRetries", "--health-retries"],
        ["HealthStartPeriod", "--health-start-period"],
        ["HealthTimeout", "--health-timeout"],
        ["HealthOnFailure", "--health-on-failure"],
        ["HealthStartupCmd", "--health-startup-cmd"],
        ["HealthStartupInterval", "--health-startup-interval"],
        ["HealthStartupRetries", "--health-startup-retries"],
        ["HealthStartupSuccess", "--health-startup-success"],
        ["HealthStartupTimeout", "--health-startup-timeout"],
        ["SubUIDMap", "--subuidname"],
        ["SubGIDMap", "--subgidname"],
        ["SeccompProfile", "--security-opt seccomp="]
      ];
      for (const [k, opt] of simple) {
        const x = val(k);
        if (x !== void 0) args.push(opt.endsWith("=") ? `${opt}${q(x)}` : `${opt} ${q(x)}`);
      }
      const lists = [
        ["UIDMap", "--uidmap"],
        ["GIDMap", "--gidmap"],
        ["Tmpfs", "--tmpfs"],
        ["PublishPort", "--publish"],
        ["ExposeHostPort", "--expose"],
        ["EnvironmentFile", "--env-file"],
        ["AddDevice", "--device"],
        ["DNS", "--dns"],
        ["DNSOption", "--dns-option"],
        ["DNSSearch", "--dns-search"],
        ["Secret", "--secret"],
        ["GroupAdd", "--group-add"],
        ["AddHost", "--add-host"],
        ["NetworkAlias", "--network-alias"],
        ["Ulimit", "--ulimit"],
        ["Sysctl", "--sysctl"],
        ["LogOpt", "--log-opt"],
        ["Mask", "--security-opt mask="],
        ["Unmask", "--security-opt unmask="]
      ];
      for (const [k, opt] of lists)
        for (const x of all(k)) args.push(opt.endsWith("=") ? `${opt}${q(x)}` : `${opt} ${q(x)}`);
      for (const c of all("DropCapability").flatMap(words3)) args.push(`--cap-drop=${c.toLowerCase()}`);
      for (const c of all("AddCapability").flatMap(words3)) args.push(`--cap-add=${c.toLowerCase()}`);
      if (bool("ReadOnly")) args.push("--read-only");
      if (bool("ReadOnlyTmpfs") === false && bool("ReadOnly")) args.push("--read-only-tmpfs=false");
      if (bool("NoNewPrivileges")) args.push("--security-opt=no-new-privileges");
      if (bool("RunInit")) args.push("--init");
      if (bool("EnvironmentHost")) args.push("--env-host");
      if (bool("SecurityLabelDisable")) args.push("--security-opt label=disable");
      if (bool("VolatileTmp")) args.push("--tmpfs /tmp:rw,size=512M,mode=1777");
      for (const [k, opt] of [
        ["SecurityLabelType", "type"],
        ["SecurityLabelLevel", "level"],
        ["SecurityLabelFileType", "filetype"]
      ]) {
        const x = val(k);
        if (x) args.push(`--security-opt label=${opt}:${q(x)}`);
      }
      if (bool("SecurityLabelNested")) args.push("--security-opt label=nested");
      for (const x of all("Volume")) args.push("-v", q(volumeArg(x)));
      for (const x of all("Mount")) {
        const rewritten = x.replace(
          /((?:^|,)\s*(?:source|src)=)([^,]+\.(volume|image|build))(?=,|$)/i,
          (_m, pre, ref) => `${pre}${dep(ref)}`
        );
        args.push("--mount", q(rewritten));
      }
      for (const e of all("Environment").flatMap(words3)) args.push("--env", q(e));
      args.push(...labels);
      for (const a of all("Annotation").flatMap(words3)) args.push("--annotation", q(a));
      const ep = v.last("Entrypoint");
      if (ep) args.push(`--entrypoint=${q(ep.node.value.trim())}`);
      if (val("AutoUpdate")) args.push("--label", `io.containers.autoupdate=${val("AutoUpdate")}`);
      args.push(...podmanArgs.map(q));
      let image = val("Image") ?? (val("Rootfs") ? `--rootfs ${q(val("Rootfs"))}` : "");
      if (/\.(image|build)$/.test(image)) image = dep(image);
      args.push(image);
      const exec = val("Exec");
      if (exec) args.push(exec);
      serviceAdd.push(["Environment", "PODMAN_SYSTEMD_UNIT=%n"]);
      if (!quadletValues(analysis.entries, "Service").has("KillMode")) serviceAdd.push(["KillMode", "mixed"]);
      serviceAdd.push(
        ["ExecStop", `${PODMAN} rm -v -f -i ${q(cname)}`],
        ["ExecStopPost", `-${PODMAN} rm -v -f -i ${q(cname)}`]
      );
      serviceAdd.push(["Delegate", "yes"]);
      if (!oneshot) serviceAdd.push(["Type", "notify"], ["NotifyAccess", "all"]);
      serviceAdd.push(["SyslogIdentifier", "%N"], ["ExecStart", cmd("run", args)]);
      const reloadCmd = val("ReloadCmd");
      const reloadSignal = val("ReloadSignal");
      if (reloadCmd) serviceAdd.push(["ExecReload", `${PODMAN} exec ${q(cname)} ${reloadCmd}`]);
      else if (reloadSignal) serviceAdd.push(["ExecReload", `${PODMAN} kill --signal ${reloadSignal} ${q(cname)}`]);
      break;
    }
    case "volume": {
      const vname = val("VolumeName") ?? `systemd-${base}`;
      const args = ["--ignore"];
      const driver = val("Driver");
      if (driver) args.push("--driver", q(driver));
      const opts = [];
      const uid = val("User");
      const gid = val("Group");
      if (uid) opts.push(`uid=${uid}`);
      if (gid) opts.push(`gid=${gid}`);
      if (val("Copy") !== void 0) opts.push(bool("Copy") ? "copy" : "nocopy");
      const device = val("Device");
      if (device) {
        opts.push(`device=${device}`);
        if (val("Type")) opts.push(`type=${val("Type")}`);
        if (val("Options")) opts.push(`o=${val("Options")}`);
        if (val("Type") === "bind") unitAdd.push(["RequiresMountsFor", device]);
      }
      for (const o of opts) args.push("--opt", q(o));
      if (driver === "image") {
        let img = val("Image") ?? "";
        if (/\.(image|build)$/.test(img)) img = dep(img);
        args.push("--opt", q(`image=${img}`));
      }
      args.push(...labels, ...podmanArgs.map(q), q(vname));
      serviceAdd.push(
        ["ExecStart", cmd("volume create", args)],
        ["Type", "oneshot"],
        ["RemainAfterExit", "yes"],
        ["SyslogIdentifier", "%N"]
      );
      break;
    }
    case "network": {
      const nname = val("NetworkName") ?? `systemd-${base}`;
      const args = ["--ignore"];
      if (bool("DisableDNS")) args.push("--disable-dns");
      for (const d of all("DNS")) args.push("--dns", q(d));
      if (val("Driver")) args.push("--driver", q(val("Driver")));
      const subnets = all("Subnet");
      const gateways = all("Gateway");
      const ranges = all("IPRange");
      subnets.forEach((s, i) => {
        args.push("--subnet", q(s));
        if (gateways[i]) args.push("--gateway", q(gateways[i]));
        if (ranges[i]) args.push("--ip-range", q(ranges[i]));
      });
      if (val("IPAMDriver")) args.push("--ipam-driver", q(val("IPAMDriver")));
      if (bool("IPv6")) args.push("--ipv6");
      if (bool("Internal")) args.push("--internal");
      if (val("InterfaceName")) args.push("--interface-name", q(val("InterfaceName")));
      for (const o of all("Options").flatMap(words3)) args.push("--opt", q(o));
      args.push(...labels, ...podmanArgs.map(q), q(nname));
      serviceAdd.push(["ExecStart", cmd("network create", args)]);
      if (bool("NetworkDeleteOnStop")) serviceAdd.push(["ExecStopPost", `${PODMAN} network rm ${q(nname)}`]);
      serviceAdd.push(["Type", "oneshot"], ["RemainAfterExit", "yes"], ["SyslogIdentifier", "%N"]);
      break;
    }
    case "pod": {
      const pname = val("PodName") ?? `systemd-${base}`;
      const args = [
        "--infra-conmon-pidfile=%t/%N.pid",
        "--pod-id-file=%t/%N.pod-id",
        `--exit-policy=${val("ExitPolicy") ?? "stop"}`,
        "--replace"
      ];
      for (const n of all("Network")) args.push("--network", q(networkArg(n)));
      for (const [k, opt] of [
        ["PublishPort", "--publish"],
        ["AddHost", "--add-host"],
        ["DNS", "--dns"],
        ["DNSOption", "--dns-option"],
        ["DNSSearch", "--dns-search"],
        ["NetworkAlias", "--network-alias"],
        ["UIDMap", "--uidmap"],
        ["GIDMap", "--gidmap"]
      ]) {
        for (const x of all(k)) args.push(opt, q(x));
      }
      for (const [k, opt] of [
        ["HostName", "--hostname"],
        ["IP", "--ip"],
        ["IP6", "--ip6"],
        ["ShmSize", "--shm-size"],
        ["UserNS", "--userns"],
        ["SubUIDMap", "--subuidname"],
        ["SubGIDMap", "--subgidname"]
      ]) {
        const x = val(k);
        if (x) args.push(opt, q(x));
      }
      for (const x of all("Volume")) args.push("-v", q(volumeArg(x)));
      args.push(...labels, ...podmanArgs.map(q), "--infra-name", q(`${pname}-infra`), "--name", q(pname));
      for (const u of around) {
        if (quadletTypeOf(u.analysis.dialect?.id) !== "container") continue;
        const cv = quadletValues(u.analysis.entries, "Container");
        if (cv.last("Pod")?.node.value.trim() !== fileName) continue;
        if (/^(?:0|no|false|off)$/i.test(cv.last("StartWithPod")?.node.value.trim() ?? "yes")) continue;
        const svc = serviceOfFile(basename8(u.path), around);
        unitAdd.push(["Wants", svc], ["Before", svc]);
      }
      serviceAdd.push(
        ["Environment", "PODMAN_SYSTEMD_UNIT=%n"],
        ["ExecStartPre", cmd("pod create", args)],
        ["ExecStart", `${PODMAN} pod start --pod-id-file=%t/%N.pod-id`],
        ["ExecStop", `${PODMAN} pod stop --pod-id-file=%t/%N.pod-id --ignore --time=${val("StopTimeout") ?? "10"}`],
        ["ExecStopPost", `${PODMAN} pod rm --pod-id-file=%t/%N.pod-id --ignore --force`],
        ["Type", "forking"],
        ["Restart", "on-failure"],
        ["PIDFile", "%t/%N.pid"],
        ["SyslogIdentifier", "%N"]
      );
      break;
    }
  }
  return { name, text: render(analysis, t2, section, name, path, unitAdd, serviceAdd, notes, around) };
}
function render(analysis, t2, section, name, path, unitAdd, serviceAdd, notes, around) {
  const out = [
    `# ${name}: the unit podman's Quadlet generator would write for ${basename8(path)}`,
    `# (podman 5.8.2 rules; run \`/usr/libexec/podman/quadlet -dryrun\` for podman's own output).`,
    "# Where this view may differ from podman:",
    ...NOTES.map((n) => `#   - ${n}`),
    ...notes.map((n) => `#   - ${n}`),
    ""
  ];
  const bySection = /* @__PURE__ */ new Map();
  const order = [];
  for (const e of analysis.entries) {
    const h = e.section.section.header?.name;
    if (!h || e.section.section.header?.wellFormed === false) continue;
    const out2 = h === section ? `X-${section}` : h === "Quadlet" ? "X-Quadlet" : h;
    if (!bySection.has(out2)) {
      bySection.set(out2, []);
      order.push(out2);
    }
    let value = e.node.value;
    if (h === "Unit" && /^(?:After|Before|Requires|Wants|BindsTo|PartOf|Conflicts|OnFailure|OnSuccess|Requisite|Upholds|PropagatesReloadTo|ReloadPropagatedFrom|PropagatesStopTo|StopPropagatedFrom)$/.test(
      e.node.key
    )) {
      value = value.split(/\s+/).map(
        (w) => /\.(container|volume|network|kube|image|build|pod|artifact)$/.test(w) ? serviceOfFile(w, around) : w
      ).join(" ");
    }
    bySection.get(out2).push(`${e.node.key}=${value}`);
  }
  for (const s of analysis.sections) {
    const h = s.section.header?.name;
    if (!h) continue;
    const out2 = h === section ? `X-${section}` : h === "Quadlet" ? "X-Quadlet" : h;
    if (!bySection.has(out2)) {
      bySection.set(out2, []);
      order.push(out2);
    }
  }
  const add = (sec, kv) => {
    if (!kv.length) return;
    if (!bySection.has(sec)) {
      bySection.set(sec, []);
      order.push(sec);
    }
    bySection.get(sec).push(...kv.map(([k, v]) => `${k}=${v}`));
  };
  add("Unit", unitAdd);
  add("Service", serviceAdd);
  const sorted = [...order.filter((s) => s === "Unit"), ...order.filter((s) => s !== "Unit")];
  for (const s of sorted) {
    out.push(`[${s}]`, ...bySection.get(s), "");
  }
  void t2;
  return out.join("\n");
}
var PODMAN, SUPPORTED, NOTES;
var init_quadletGenerate = __esm({
  "server/src/services/quadletGenerate.ts"() {
    "use strict";
    init_dialects();
    init_quadletFiles();
    init_quadlet();
    PODMAN = "/usr/bin/podman";
    SUPPORTED = ["container", "volume", "network", "pod"];
    NOTES = [
      "Options are written in a fixed order; podman may order them differently (the meaning is the same).",
      "Values are quoted only where they contain spaces; podman escapes with its own rules.",
      "Keys with no effect on the command line here (HealthStartup*=, Secret= options, Remap*=\u2026) are passed as podman would, but podman's exact spelling may differ.",
      "Drop-ins (NAME.container.d/*.conf, container.d/) are not merged into this view."
    ];
  }
});

// server/src/units/safeWrite.ts
import {
  accessSync,
  closeSync as closeSync2,
  constants as constants2,
  existsSync as existsSync4,
  fchmodSync,
  fchownSync,
  fstatSync as fstatSync2,
  fsyncSync,
  linkSync,
  lstatSync as lstatSync2,
  mkdirSync,
  openSync as openSync2,
  readdirSync as readdirSync6,
  realpathSync as realpathSync3,
  renameSync,
  rmdirSync,
  statSync as statSync5,
  unlinkSync,
  writeSync
} from "node:fs";
import { randomBytes } from "node:crypto";
import { posix as posix7 } from "node:path";
function validateUnitName(name) {
  if (typeof name !== "string" || name === "") return { ok: false, reason: "the unit name is empty" };
  if (name.includes("/"))
    return { ok: false, reason: `'${name}' contains '/': a unit name is a file name, not a path` };
  if (name.includes("\0")) return { ok: false, reason: "the unit name contains a NUL character" };
  if (name === "." || name === "..") return { ok: false, reason: `'${name}' is not a unit name` };
  if (name.length > 255)
    return { ok: false, reason: `the unit name is ${name.length} characters long; systemd allows at most 255` };
  const r = checkUnitName(name);
  if (!r.ok) return { ok: false, reason: `'${name}' is not a valid unit name: ${r.reason}` };
  return { ok: true, kind: r.kind, type: r.type };
}
function validateDropInName(name) {
  if (typeof name !== "string" || name.trim() === "") return { ok: false, reason: "the drop-in name is empty" };
  if (name.includes("/"))
    return { ok: false, reason: `'${name}' contains '/': a drop-in name is a file name, not a path` };
  if (name.includes("\0")) return { ok: false, reason: "the drop-in name contains a NUL character" };
  if (name.startsWith("."))
    return { ok: false, reason: `'${name}' starts with '.': systemd ignores hidden files in drop-in folders` };
  const fileName = name.endsWith(".conf") ? name : `${name}.conf`;
  if (fileName === ".conf") return { ok: false, reason: "the drop-in name is empty" };
  if (Buffer.byteLength(fileName) > 255) return { ok: false, reason: "the drop-in file name is longer than 255 bytes" };
  return { ok: true, fileName };
}
function errCode2(e) {
  return e?.code ?? String(e);
}
function writeErrCode(c) {
  return c === "EACCES" || c === "EPERM" || c === "EROFS" ? "not-writable" : "io";
}
function isInside2(p, folder) {
  return folder === "/" || p === folder || p.startsWith(`${folder}/`);
}
function tempPathFor(target) {
  return join11(dirname9(target), `.#${basename9(target)}${TEMP_MARK}${randomBytes(8).toString("hex")}`);
}
function cleanStaleTempFiles(dir, now = Date.now()) {
  const removed = [];
  let names;
  try {
    names = readdirSync6(dir);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const n of names) {
    if (!TEMP_RE.test(n)) continue;
    const p = join11(dir, n);
    try {
      const st = lstatSync2(p);
      if (!st.isFile() || uid !== void 0 && st.uid !== uid || now - st.mtimeMs < STALE_TEMP_MS) continue;
      unlinkSync(p);
      removed.push(p);
    } catch {
    }
  }
  return removed;
}
function whyOutsideRoot(abs, root) {
  const r = posix7.resolve(root);
  if (!isInside2(abs, r) || abs === r) return `${abs} is outside ${r}`;
  let realRoot;
  try {
    realRoot = realpathSync3.native(r);
  } catch (e) {
    return `the folder ${r} cannot be resolved (${errCode2(e)})`;
  }
  let d = dirname9(abs);
  const rest2 = [];
  for (; ; ) {
    let st;
    try {
      st = lstatSync2(d, { throwIfNoEntry: false });
    } catch (e) {
      return `cannot look at ${d}: ${errCode2(e)}`;
    }
    if (st) break;
    if (d === dirname9(d)) break;
    rest2.unshift(basename9(d));
    d = dirname9(d);
  }
  let realD;
  try {
    realD = realpathSync3.native(d);
  } catch (e) {
    return `${d} leads nowhere (${errCode2(e)})`;
  }
  const realParent = rest2.length ? join11(realD, ...rest2) : realD;
  if (!isInside2(realParent, realRoot)) {
    return `${dirname9(abs)} leads to ${realParent}, outside ${r}${realRoot !== r ? ` (${realRoot})` : ""}; a symlink points out of it`;
  }
  return void 0;
}
function ensureFolderInside(dir, root) {
  const abs = posix7.resolve(dir);
  const why2 = whyOutsideRoot(posix7.join(abs, ".probe"), root);
  if (why2) return { ok: false, reason: why2 };
  const r = makeParents(abs);
  return r.ok ? r : { ok: false, reason: r.reason };
}
function makeParents(dir) {
  const created = [];
  try {
    const missing2 = [];
    for (let d = dir; !existsSync4(d); d = dirname9(d)) {
      missing2.unshift(d);
      if (d === dirname9(d)) break;
    }
    for (const d of missing2) {
      mkdirSync(d, { mode: 493 });
      created.push(d);
    }
    return { ok: true, created };
  } catch (e) {
    removeDirs(created);
    const c = errCode2(e);
    return { ok: false, code: writeErrCode(c), reason: `cannot create ${dir}: ${c}` };
  }
}
function removeDirs(created) {
  for (const d of [...created].reverse())
    try {
      rmdirSync(d);
    } catch {
    }
}
function writeTemp(target, bytes, mode, owner) {
  const tmp = tempPathFor(target);
  let fd;
  try {
    fd = openSync2(tmp, constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | constants2.O_NOFOLLOW, 384);
    if (owner) {
      try {
        fchownSync(fd, owner.uid, owner.gid);
      } catch (e) {
        throw Object.assign(new Error("owner"), { code: errCode2(e), owner: true });
      }
    }
    fchmodSync(fd, mode);
    let off2 = 0;
    while (off2 < bytes.length) off2 += writeSync(fd, bytes, off2, bytes.length - off2);
    fsyncSync(fd);
    const ino = fstatSync2(fd).ino;
    closeSync2(fd);
    fd = void 0;
    return { ok: true, tmp, ino };
  } catch (e) {
    if (fd !== void 0)
      try {
        closeSync2(fd);
      } catch {
      }
    try {
      unlinkSync(tmp);
    } catch {
    }
    const c = errCode2(e);
    if (e.owner) {
      return {
        ok: false,
        code: "not-writable",
        reason: `cannot keep the owner of ${target} (uid ${owner.uid}, gid ${owner.gid}): ${c}; it was left untouched`
      };
    }
    return { ok: false, code: writeErrCode(c), reason: `cannot write in ${dirname9(target)}: ${c}` };
  }
}
function placeNew(tmp, abs) {
  try {
    linkSync(tmp, abs);
  } catch (e) {
    if (errCode2(e) === "EEXIST") throw e;
    if (lstatSync2(abs, { throwIfNoEntry: false })) throw Object.assign(new Error("exists"), { code: "EEXIST" });
    renameSync(tmp, abs);
  }
  try {
    unlinkSync(tmp);
  } catch {
  }
}
function fsyncDir(dir) {
  try {
    const dfd = openSync2(dir, "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync2(dfd);
    }
  } catch {
  }
}
function sameFile(st, id) {
  return st.dev === id.dev && st.ino === id.ino && st.size === id.size && st.mtimeMs === id.mtimeMs;
}
function writeFileAtomic(path, content, opts = {}) {
  const abs = posix7.resolve(path);
  const dir = dirname9(abs);
  const mode = opts.mode ?? 420;
  if (opts.root !== void 0) {
    const why2 = whyOutsideRoot(abs, opts.root);
    if (why2) return { ok: false, path: abs, code: "outside-root", reason: `${why2}; nothing was written` };
  }
  let existing;
  try {
    existing = lstatSync2(abs, { throwIfNoEntry: false });
  } catch (e) {
    return { ok: false, path: abs, code: "io", reason: `cannot look at ${abs}: ${errCode2(e)}` };
  }
  if (existing && !opts.overwrite)
    return { ok: false, path: abs, code: "exists", reason: `${abs} already exists; it was left untouched` };
  if (existing && !existing.isFile())
    return {
      ok: false,
      path: abs,
      code: "not-a-file",
      reason: `${abs} exists and is ${kindOf(existing)}; it was left untouched`
    };
  const made = makeParents(dir);
  if (!made.ok) return { ok: false, path: abs, code: made.code, reason: made.reason };
  const createdDirs = made.created;
  if (opts.root !== void 0) {
    const why2 = whyOutsideRoot(abs, opts.root);
    if (why2) {
      removeDirs(createdDirs);
      return { ok: false, path: abs, code: "outside-root", reason: `${why2}; nothing was written` };
    }
  }
  cleanStaleTempFiles(dir);
  const t2 = writeTemp(abs, typeof content === "string" ? encodeText(content) : content, mode, opts.owner);
  if (!t2.ok) {
    removeDirs(createdDirs);
    return { ok: false, path: abs, code: t2.code, reason: t2.reason };
  }
  opts.beforePlace?.();
  try {
    if (opts.overwrite) {
      if (opts.ifUnchanged) {
        const now = lstatSync2(abs, { throwIfNoEntry: false });
        if (!now || !now.isFile() || !sameFile(now, opts.ifUnchanged))
          throw Object.assign(new Error("changed"), { code: "CHANGED" });
      }
      renameSync(t2.tmp, abs);
    } else {
      placeNew(t2.tmp, abs);
    }
  } catch (e) {
    try {
      unlinkSync(t2.tmp);
    } catch {
    }
    removeDirs(createdDirs);
    if (errCode2(e) === "EEXIST")
      return {
        ok: false,
        path: abs,
        code: "exists",
        reason: `${abs} already exists (created meanwhile); it was left untouched`
      };
    if (errCode2(e) === "CHANGED")
      return {
        ok: false,
        path: abs,
        code: "changed",
        reason: `${abs} changed on disk after it was read; it was left untouched`
      };
    return { ok: false, path: abs, code: "io", reason: `cannot put ${abs} in place: ${errCode2(e)}` };
  }
  fsyncDir(dir);
  return { ok: true, path: abs, replaced: !!existing, createdDirs };
}
function kindOf(st) {
  if (st.isSymbolicLink()) return "a symlink";
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  return "not a regular file";
}
function writeFilesAllOrNothing(files, opts) {
  const abs = files.map((f) => posix7.resolve(f.path));
  const seen = /* @__PURE__ */ new Set();
  for (const p of abs) {
    if (seen.has(p)) return { ok: false, path: p, code: "exists", reason: `${p} is named twice; nothing was written` };
    seen.add(p);
    const why2 = whyOutsideRoot(p, opts.root);
    if (why2) return { ok: false, path: p, code: "outside-root", reason: `${why2}; nothing was written` };
    let st;
    try {
      st = lstatSync2(p, { throwIfNoEntry: false });
    } catch (e) {
      return { ok: false, path: p, code: "io", reason: `cannot look at ${p}: ${errCode2(e)}; nothing was written` };
    }
    if (st) return { ok: false, path: p, code: "exists", reason: `${p} already exists; nothing was written` };
  }
  const createdDirs = [];
  const temps = [];
  const placed = [];
  const undo = () => {
    for (const p of placed) {
      try {
        const st = lstatSync2(p.target, { throwIfNoEntry: false });
        if (st && st.ino === p.ino) unlinkSync(p.target);
      } catch {
      }
    }
    for (const t2 of temps)
      try {
        unlinkSync(t2.tmp);
      } catch {
      }
    removeDirs(createdDirs);
  };
  for (const p of abs) {
    const made = makeParents(dirname9(p));
    if (!made.ok) {
      undo();
      return { ok: false, path: p, code: made.code, reason: `${made.reason}; nothing was written` };
    }
    createdDirs.push(...made.created);
    const why2 = whyOutsideRoot(p, opts.root);
    if (why2) {
      undo();
      return { ok: false, path: p, code: "outside-root", reason: `${why2}; nothing was written` };
    }
  }
  for (const d of new Set(abs.map((p) => dirname9(p)))) cleanStaleTempFiles(d);
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const t2 = writeTemp(
      abs[i],
      typeof f.content === "string" ? encodeText(f.content) : f.content,
      f.mode ?? 420,
      void 0
    );
    if (!t2.ok) {
      undo();
      return { ok: false, path: abs[i], code: t2.code, reason: `${t2.reason}; nothing was written` };
    }
    temps.push({ tmp: t2.tmp, ino: t2.ino, target: abs[i] });
  }
  for (let i = 0; i < temps.length; i++) {
    const t2 = temps[i];
    try {
      opts.beforePlace?.(i);
      placeNew(t2.tmp, t2.target);
      placed.push({ target: t2.target, ino: t2.ino });
    } catch (e) {
      undo();
      const c = errCode2(e);
      if (c === "EEXIST")
        return {
          ok: false,
          path: t2.target,
          code: "exists",
          reason: `${t2.target} was created meanwhile; nothing was written`
        };
      return {
        ok: false,
        path: t2.target,
        code: writeErrCode(c),
        reason: `cannot put ${t2.target} in place: ${c}; nothing was written`
      };
    }
  }
  for (const d of new Set(abs.map((p) => dirname9(p)))) fsyncDir(d);
  return { ok: true, written: abs, createdDirs };
}
var join11, dirname9, basename9, TEMP_MARK, TEMP_RE, STALE_TEMP_MS, realProbe;
var init_safeWrite = __esm({
  "server/src/units/safeWrite.ts"() {
    "use strict";
    init_catalog();
    init_parser();
    init_bytes();
    init_unitName();
    init_effective();
    init_safeRead();
    ({ join: join11, dirname: dirname9, basename: basename9 } = posix7);
    TEMP_MARK = ".systemd-units.";
    TEMP_RE = /^\.#.+\.systemd-units\.[0-9a-f]{16}$/;
    STALE_TEMP_MS = 6e4;
    realProbe = {
      exists: (p) => existsSync4(p),
      isDir: (p) => {
        try {
          return statSync5(p).isDirectory();
        } catch {
          return false;
        }
      },
      canWrite: (p) => {
        try {
          accessSync(p, constants2.W_OK);
          return true;
        } catch {
          return false;
        }
      }
    };
  }
});

// server/src/socketActivation/strace.ts
import { isIP } from "node:net";
function constant(expr) {
  let total = 0;
  for (const part of expr.trim().split("|").map((p) => p.trim())) {
    if (/^0x[0-9a-f]+$/i.test(part)) total |= parseInt(part, 16);
    else if (/^\d+$/.test(part)) total |= Number(part);
    else if (part in CONSTANTS) total |= CONSTANTS[part];
    else return void 0;
  }
  return total;
}
function calls(log) {
  const out = [];
  const skipped = [];
  const pending = /* @__PURE__ */ new Map();
  const lines = log.split(/\r?\n/);
  lines.forEach((raw, i) => {
    let l = raw.trim();
    let pid = "";
    const pidm = /^(?:\[pid\s+(\d+)\]|(\d+))\s+/.exec(l);
    if (pidm) {
      pid = pidm[1] ?? pidm[2];
      l = l.slice(pidm[0].length);
    }
    l = l.replace(/^(\d{2}:\d{2}:\d{2}(\.\d+)?|\d+\.\d+)\s+/, "");
    const unfinished = /^(socket|bind|listen)\((.*?)\s*<unfinished \.\.\.>$/.exec(l);
    if (unfinished) {
      const c = { name: unfinished[1], args: unfinished[2], result: "?", line: i + 1 };
      out.push(c);
      pending.set(`${pid}:${unfinished[1]}`, c);
      return;
    }
    const resumed = /^<\.\.\. (socket|bind|listen) resumed>\s*(.*)$/.exec(l);
    if (resumed) {
      const p = pending.get(`${pid}:${resumed[1]}`);
      pending.delete(`${pid}:${resumed[1]}`);
      if (!p) {
        skipped.push({ line: i + 1, text: raw });
        return;
      }
      const rest2 = /^(.*)\)\s*=\s*(-?\d+|\?)/.exec(resumed[2]);
      if (rest2) {
        p.args += rest2[1];
        p.result = rest2[2];
      }
      return;
    }
    const m = /^(socket|bind|listen)\((.*)\)\s*=\s*(-?\d+|\?)(.*)$/.exec(l);
    if (!m) {
      if (/^(socket|bind|listen)\(/.test(l)) skipped.push({ line: i + 1, text: raw });
      return;
    }
    out.push({ name: m[1], args: m[2], result: m[3], line: i + 1 });
  });
  return { calls: out, skipped };
}
function unescapeStrace(s) {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e) => {
    if (e[0] === "x") return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 255);
    const simple = {
      n: "\n",
      t: "	",
      r: "\r",
      v: "\v",
      f: "\f",
      a: "\x07",
      b: "\b",
      e: "\x1B"
    };
    return simple[e] ?? e;
  });
}
function visible(s) {
  return s.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function parseSockaddr(args) {
  const family = /sa_family=(AF_\w+|\d+)/.exec(args)?.[1];
  const fam = family === void 0 ? void 0 : constant(family);
  if (fam === AF.AF_INET || fam === AF.AF_INET6) {
    const v6 = fam === AF.AF_INET6;
    const port = Number(
      (v6 ? /sin6_port=htons\((\d+)\)/ : /sin_port=htons\((\d+)\)/).exec(args)?.[1] ?? (v6 ? /sin6_port=(\d+)/ : /sin_port=(\d+)/).exec(args)?.[1]
    );
    const host = (v6 ? /inet_pton\(AF_INET6,\s*"([^"]+)"/ : /inet_addr\("([^"]+)"\)/).exec(args)?.[1] ?? (v6 ? "::" : "0.0.0.0");
    if (!Number.isInteger(port)) return void 0;
    if (port < 0 || port > 65535) return { rejected: `the port ${port} is out of range` };
    if (isIP(host) !== (v6 ? 6 : 4)) return { rejected: `'${visible(host)}' is not an IPv${v6 ? 6 : 4} address` };
    return { kind: v6 ? "inet6" : "inet", host, port };
  }
  if (fam === AF.AF_UNIX) {
    const m = /sun_path=(@?)"((?:[^"\\]|\\.)*)"/.exec(args);
    if (!m) return void 0;
    const abstract = m[1] === "@";
    if (CONTROL.test(m[2]))
      return {
        rejected: `the socket path '${visible(m[2])}' contains a control character (systemd would end the line there)`
      };
    const path = unescapeStrace(m[2]).replace(/\0+$/, "");
    if (CONTROL.test(path))
      return {
        rejected: `the socket path '${visible(path)}' contains a control character (systemd would end the line there)`
      };
    if (!abstract && !path.startsWith("/")) return { rejected: `the socket path '${path}' is not absolute` };
    if (path === "" || Buffer.byteLength(path) > 107)
      return { rejected: `the socket path '${path}' is empty or longer than 107 bytes` };
    if (/^\s|\s$|\\$/.test(path))
      return {
        rejected: `the socket path '${path}' starts or ends with a space or ends with a backslash, which a unit file cannot keep`
      };
    return { kind: "unix", host: "", port: 0, path, abstract };
  }
  return void 0;
}
function parseStrace(log) {
  const { calls: cs, skipped } = calls(log);
  const rejected = [];
  const sockets = [];
  const byFd = /* @__PURE__ */ new Map();
  const counts = /* @__PURE__ */ new Map();
  for (const c of cs) {
    const result = Number(c.result);
    if (c.name === "socket") {
      const parts = c.args.split(",");
      if (parts.length !== 3) {
        skipped.push({ line: c.line, text: `${c.name}(${c.args})` });
        continue;
      }
      const [d, t2, p] = parts.map(constant);
      if (d === void 0 || t2 === void 0 || p === void 0) {
        skipped.push({ line: c.line, text: `${c.name}(${c.args})` });
        continue;
      }
      const key2 = `${d},${t2},${p}`;
      const index = counts.get(key2) ?? 0;
      counts.set(key2, index + 1);
      if (!(result >= 0)) continue;
      const s = { domain: d, type: t2, protocol: p, index, fd: result, listened: false, line: c.line };
      sockets.push(s);
      byFd.set(result, s);
    } else if (c.name === "bind") {
      if (result !== 0) continue;
      const fd = Number(/^\s*(\d+)/.exec(c.args)?.[1]);
      const s = byFd.get(fd);
      const addr = parseSockaddr(c.args);
      if (addr && "rejected" in addr) {
        if (s) rejected.push({ line: c.line, reason: addr.rejected });
        continue;
      }
      if (s && addr) s.address = addr;
    } else if (c.name === "listen") {
      if (result !== 0) continue;
      const s = byFd.get(Number(/^\s*(\d+)/.exec(c.args)?.[1]));
      if (s) s.listened = true;
    }
  }
  return { sockets, skipped, rejected };
}
function receivingSockets(r) {
  return r.sockets.filter((s) => {
    if (!s.address) return false;
    const t2 = s.type & 15;
    if (t2 === SOCK.SOCK_STREAM || t2 === SOCK.SOCK_SEQPACKET) return s.listened;
    if (t2 === SOCK.SOCK_DGRAM) return s.address.kind === "unix" || s.address.port > 0;
    return false;
  });
}
function escapeSpecifiers(v) {
  return v.replace(/%/g, "%%");
}
function escapeEnvironmentWord(v) {
  return escapeSpecifiers(v.replace(/[\\"']/g, (c) => `\\${c}`));
}
function checkPreloadPath(preload) {
  if (preload === "") return "the preload library path is empty";
  if (CONTROL.test(preload))
    return `the preload library path '${visible(preload)}' contains a control character (a line break would add lines to the unit)`;
  if (!preload.startsWith("/")) return `the preload library path '${preload}' is not absolute`;
  if (/[\s:]/.test(preload))
    return `the preload library path '${preload}' contains a space or ':', which separate libraries in LD_PRELOAD`;
  if (Buffer.byteLength(preload) > 4095) return "the preload library path is longer than 4095 bytes";
  return void 0;
}
function checkServiceName(service) {
  const unit = service.endsWith(".service") ? service : `${service}.service`;
  if (CONTROL.test(unit)) return `the service name '${visible(service)}' contains a control character`;
  if (unit.includes("/")) return `the service name '${service}' contains '/'`;
  const r = checkUnitName(unit);
  if (!r.ok) return `'${service}' is not a valid service name: ${r.reason}`;
  if (r.type !== "service") return `'${service}' is not a service`;
  return void 0;
}
function renderLines(lines) {
  return lines.map(
    (l) => "section" in l ? `[${l.section}]` : "key" in l ? `${l.key}=${l.value}` : "comment" in l ? `# ${l.comment}` : ""
  ).join("\n") + "\n";
}
function renderChecked(lines) {
  for (const l of lines) {
    const parts = "section" in l ? [l.section] : "key" in l ? [l.key, l.value] : "comment" in l ? [l.comment] : [];
    for (const p of parts) if (CONTROL.test(p)) return { problem: `'${visible(p)}' contains a control character` };
    if ("key" in l && (/^\s|\s$/.test(l.value) || l.value.endsWith("\\")))
      return { problem: `the value '${l.value}' of ${l.key}= would not read back` };
    if ("comment" in l && l.comment.endsWith("\\")) return { problem: "a comment ends with a backslash" };
  }
  const text = renderLines(lines);
  const doc = parseUnit(text);
  const got = [];
  let section = "";
  for (const n of doc.nodes) {
    if (n.kind === "section") {
      section = n.name;
      got.push(JSON.stringify([n.name]));
    } else if (n.kind === "assignment") got.push(JSON.stringify([section, n.key, n.value]));
    else if (n.kind === "comment") got.push("#");
    else if (n.kind === "invalid") got.push("!invalid");
  }
  const want = [];
  section = "";
  for (const l of lines) {
    if ("section" in l) {
      section = l.section;
      want.push(JSON.stringify([l.section]));
    } else if ("key" in l) want.push(JSON.stringify([section, l.key, l.value]));
    else if ("comment" in l) want.push("#");
  }
  if (got.length !== want.length || got.some((g, i) => g !== want[i])) {
    const i = got.findIndex((g, k) => g !== want[k]);
    return {
      problem: `it would read back as '${visible(got[i] ?? "(nothing)")}' instead of '${visible(want[i] ?? "(nothing)")}'`
    };
  }
  return { text };
}
function shellWord(s) {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) && !s.startsWith("-") ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function systemctlStep(args, units2) {
  return `sudo systemctl ${args} -- ${units2.map(shellWord).join(" ")}`;
}
function listenAddress(s) {
  const a = s.address;
  if (a.kind === "unix") return escapeSpecifiers(a.abstract ? `@${a.path}` : a.path);
  if (a.kind === "inet6") return `[${a.host}]:${a.port}`;
  return `${a.host}:${a.port}`;
}
function listenLines(s, bindV6Only) {
  const t2 = s.type & 15;
  const key2 = t2 === SOCK.SOCK_DGRAM ? "ListenDatagram" : t2 === SOCK.SOCK_SEQPACKET ? "ListenSequentialPacket" : "ListenStream";
  const out = [{ key: key2, value: listenAddress(s) }];
  if (bindV6Only) out.push({ key: "BindIPv6Only", value: "ipv6-only" });
  return out;
}
function tagOf(s, all) {
  const a = s.address;
  const t2 = s.type & 15;
  if (a.kind === "unix")
    return (a.path.split("/").pop() || "unix").replace(/\.(sock|socket)$/, "").replace(/[^A-Za-z0-9:_.-]/g, "_");
  let tag = String(a.port);
  if (t2 === SOCK.SOCK_DGRAM) tag += "-udp";
  const samePort = all.filter(
    (o) => o !== s && o.address?.kind !== "unix" && o.address?.port === a.port && (o.type & 15) === t2
  );
  if (samePort.length) tag += a.kind === "inet6" ? "-ipv6" : "-ipv4";
  return tag;
}
function generateSocketUnits(log, service, preload) {
  const refuse = (errors, warnings2 = []) => ({
    files: [],
    socketUnits: [],
    steps: [],
    warnings: warnings2,
    errors
  });
  const badService = checkServiceName(service);
  const badPreload = checkPreloadPath(preload);
  if (badService || badPreload)
    return refuse([badService, badPreload].filter((x) => !!x).map((e) => `${e}; nothing was generated`));
  const name = service.replace(/\.service$/, "");
  const parsed = parseStrace(log);
  const receiving = receivingSockets(parsed);
  const warnings = [
    ...parsed.skipped.map((s) => `line ${s.line}: could not read ${visible(s.text.trim())}`),
    ...parsed.rejected.map((r) => `line ${r.line}: ${r.reason}; this socket was left out`)
  ];
  if (!receiving.length)
    warnings.push(
      "No socket that the daemon binds to receive on was found (stream sockets need bind() and listen(); datagram sockets need bind())."
    );
  const units2 = [];
  const socketUnits = [];
  const used = /* @__PURE__ */ new Set();
  for (const s of receiving) {
    let unit = receiving.length === 1 ? `${name}.socket` : `${name}-${tagOf(s, receiving)}.socket`;
    for (let k = 2; used.has(unit); k++) unit = `${name}-${tagOf(s, receiving)}-${k}.socket`;
    const valid = checkUnitName(unit);
    if (!valid.ok || unit.includes("/")) {
      warnings.push(`line ${s.line}: '${visible(unit)}' would not be a valid unit name; this socket was left out`);
      continue;
    }
    used.add(unit);
    socketUnits.push(unit);
    const a = s.address;
    const v6only = a.kind === "inet6" && receiving.some(
      (o) => o.address?.kind === "inet" && o.address.port === a.port && (o.type & 15) === (s.type & 15)
    );
    const hint = `socket(${s.domain},${s.type},${s.protocol})=${s.index}`;
    units2.push({
      path: unit,
      lines: [
        { section: "Unit" },
        {
          key: "Description",
          value: `${name} socket ${listenAddress(s)} (handed to an unmodified daemon through LD_PRELOAD)`
        },
        { blank: true },
        { section: "Socket" },
        ...listenLines(s, v6only),
        {
          comment: `${capitalise(describeHint({ domain: s.domain, type: s.type, protocol: s.protocol, index: s.index }, `${name}.service`).replace(/`/g, ""))} (strace line ${s.line}).`
        },
        { key: "FileDescriptorName", value: hint },
        { key: "Service", value: `${name}.service` },
        // Bind even before the address exists on the machine (IP sockets only).
        ...a.kind === "unix" ? [] : [{ key: "FreeBind", value: "true" }],
        { blank: true },
        { section: "Install" },
        { key: "WantedBy", value: "sockets.target" }
      ]
    });
  }
  if (socketUnits.length) {
    units2.push({
      path: `${name}.service.d/50-socket-activation.conf`,
      lines: [
        { comment: "Hand the sockets of the units below to the daemon's own socket() calls." },
        { section: "Unit" },
        { key: "Requires", value: socketUnits.join(" ") },
        { key: "After", value: socketUnits.join(" ") },
        { blank: true },
        { section: "Service" },
        { key: "Sockets", value: socketUnits.join(" ") },
        { key: "Environment", value: `LD_PRELOAD=${escapeEnvironmentWord(preload)}` }
      ]
    });
  }
  const files = [];
  for (const u of units2) {
    const r = renderChecked(u.lines);
    if ("problem" in r)
      return refuse([`the generated ${u.path} did not pass its check (${r.problem}); nothing was generated`], warnings);
    files.push({ path: u.path, content: r.text });
  }
  const steps = socketUnits.length ? [
    "sudo systemctl daemon-reload",
    systemctlStep("disable --now", [`${name}.service`]),
    systemctlStep("enable --now", socketUnits),
    `# The first connection starts ${name}.service; check with: systemctl status -- ${[socketUnits[0], `${name}.service`].map(shellWord).join(" ")}`
  ] : [];
  return { files, socketUnits, steps, warnings, errors: [] };
}
function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
var CONSTANTS, CONTROL;
var init_strace = __esm({
  "server/src/socketActivation/strace.ts"() {
    "use strict";
    init_parser();
    init_unitName();
    init_hints();
    CONSTANTS = {
      ...AF,
      PF_UNIX: 1,
      PF_LOCAL: 1,
      AF_LOCAL: 1,
      PF_INET: 2,
      PF_INET6: 10,
      ...SOCK,
      SOCK_NONBLOCK,
      SOCK_CLOEXEC,
      ...IPPROTO,
      IPPROTO_IP: 0,
      IPPROTO_HOPOPTS: 0
    };
    CONTROL = /[\x00-\x1f\x7f]/;
  }
});

// server/src/services/security/harden.ts
function values(eff, section, name) {
  return eff.valuesOf(section, name);
}
function pathsIn(texts) {
  const out = [];
  for (const t2 of texts)
    for (const w of words(t2)) {
      const m = /(?:^|[=:+\-@!|])(\/[^\s:]*)/.exec(w);
      if (m) out.push(m[1]);
    }
  return out;
}
function planHardening(sources, unitName, version, level = "safe") {
  const eff = mergeUnit(sources);
  const before = scoreService(eff, unitName, version);
  const good = (field) => before.checks.find((c) => c.json_field === field)?.set !== false;
  const S = "Service";
  const deps = ["After", "Wants", "Requires", "BindsTo"].flatMap((k) => values(eff, "Unit", k)).flatMap((v) => words(v));
  const needsNetwork = deps.some((d) => /^network(-online)?\.target$|\.socket$/.test(d)) || values(eff, S, "Sockets").length > 0 || values(eff, S, "IPAddressAllow").length > 0 || values(eff, S, "RestrictAddressFamilies").some((v) => /AF_INET/.test(v));
  const read = pathsIn(PATH_KEYS.flatMap((k) => values(eff, S, k)));
  const written = pathsIn(WRITE_KEYS.flatMap((k) => values(eff, S, k)));
  const all = [...read, ...written];
  const user = values(eff, S, "User").at(-1);
  const dynamic = /^(1|yes|y|true|t|on)$/i.test(values(eff, S, "DynamicUser").at(-1) ?? "");
  const root = !dynamic && (!user || user === "root" || user === "0");
  const notes = [];
  const lines = [];
  const add = (field, directive, value, why2) => {
    if (!good(field)) lines.push({ directive, value, why: why2 });
  };
  add(
    "NoNewPrivileges",
    "NoNewPrivileges",
    "yes",
    "setuid/setgid programs and file capabilities cannot raise privileges"
  );
  if (all.some((p) => under(p, "/tmp", "/var/tmp")))
    notes.push("PrivateTmp= left out: the unit names paths under /tmp or /var/tmp that other programs may share.");
  else add("PrivateTmp", "PrivateTmp", "yes", "a private /tmp and /var/tmp, removed when the service stops");
  if (written.some((p) => under(p, "/etc", "/usr", "/boot")))
    notes.push("ProtectSystem= left out: the unit writes under /etc, /usr or /boot.");
  else if (level === "strict")
    add(
      "ProtectSystem",
      "ProtectSystem",
      "strict",
      "the whole file system read-only except ReadWritePaths=, StateDirectory= and friends, /dev, /proc and /sys"
    );
  else add("ProtectSystem", "ProtectSystem", "full", "/usr, /boot and /etc read-only");
  if (written.some((p) => under(p, "/home", "/root", "/run/user")))
    notes.push("ProtectHome= left out: the unit writes in home directories.");
  else if (read.some((p) => under(p, "/home", "/root", "/run/user")))
    add("ProtectHome", "ProtectHome", "read-only", "home directories read-only (the unit reads files there)");
  else
    add(
      "ProtectHome",
      "ProtectHome",
      level === "strict" ? "yes" : "read-only",
      level === "strict" ? "home directories hidden" : "home directories read-only"
    );
  add("ProtectKernelTunables", "ProtectKernelTunables", "yes", "/proc/sys, /sys and similar read-only");
  add("ProtectKernelModules", "ProtectKernelModules", "yes", "no loading of kernel modules");
  add("ProtectKernelLogs", "ProtectKernelLogs", "yes", "no access to the kernel log buffer");
  add("ProtectControlGroups", "ProtectControlGroups", "yes", "the cgroup tree read-only");
  add("ProtectClock", "ProtectClock", "yes", "the system and hardware clocks cannot be set");
  add("ProtectHostname", "ProtectHostname", "yes", "the host name cannot be changed");
  add("RestrictRealtime", "RestrictRealtime", "yes", "no realtime scheduling, which could starve the machine");
  add("RestrictSUIDSGID", "RestrictSUIDSGID", "yes", "no creating setuid/setgid files");
  add("LockPersonality", "LockPersonality", "yes", "the execution domain (personality) cannot change");
  add("SystemCallArchitectures", "SystemCallArchitectures", "native", "only the native system call ABI");
  if (!root)
    add(
      "RemoveIPC",
      "RemoveIPC",
      "yes",
      "SysV IPC objects and POSIX message queues of the service's user go when it stops"
    );
  if (values(eff, S, "DeviceAllow").length || all.some((p) => under(p, "/dev")))
    notes.push("PrivateDevices= left out: the unit uses devices.");
  else
    add(
      "PrivateDevices",
      "PrivateDevices",
      "yes",
      "only pseudo devices (/dev/null, /dev/zero, /dev/random\u2026) are visible"
    );
  const ns = before.checks.filter((c) => c.json_field.startsWith("RestrictNamespaces_") && c.set === false);
  if (ns.length)
    lines.push({
      directive: "RestrictNamespaces",
      value: "yes",
      why: "no new namespaces of any kind (containers, sandboxes inside the service)"
    });
  if (needsNetwork) {
    notes.push("PrivateNetwork= left out: the unit uses the network (sockets or network targets).");
    if (before.checks.some((c) => c.json_field.startsWith("RestrictAddressFamilies_") && c.set === false) && !values(eff, S, "RestrictAddressFamilies").length) {
      lines.push({
        directive: "RestrictAddressFamilies",
        value: "AF_UNIX AF_INET AF_INET6 AF_NETLINK",
        why: "sockets of the usual families only (local, IPv4, IPv6, netlink)"
      });
    }
  } else {
    add(
      "PrivateNetwork",
      "PrivateNetwork",
      "yes",
      "no network except a private loopback (the unit shows no sign of using the network)"
    );
    if (!values(eff, S, "RestrictAddressFamilies").length)
      lines.push({
        directive: "RestrictAddressFamilies",
        value: "AF_UNIX",
        why: "local sockets only (journald, D-Bus)"
      });
  }
  if (root)
    notes.push(
      "User= left as it is: the service runs as root. DynamicUser=yes or a dedicated User= would cut the score most, after checking which files it owns."
    );
  if (level === "strict") {
    add(
      "MemoryDenyWriteExecute",
      "MemoryDenyWriteExecute",
      "yes",
      "no writable and executable memory (breaks JIT compilers: Java, Node.js, PCRE JIT\u2026)"
    );
    if (before.checks.some((c) => c.json_field.startsWith("SystemCallFilter_") && c.set === false) && !values(eff, S, "SystemCallFilter").length) {
      lines.push({
        directive: "SystemCallFilter",
        value: "@system-service",
        why: "only the system calls ordinary services use"
      });
      lines.push({
        directive: "SystemCallFilter",
        value: "~@privileged @resources",
        why: "and none of those that need privileges or change resource limits"
      });
    }
    add("ProtectProc", "ProtectProc", "invisible", "other users' processes are hidden in /proc");
    add("ProcSubset", "ProcSubset", "pid", "/proc shows processes only, not kernel files");
    add("UMask", "UMask", "0077", "new files readable by the owner only");
    if (!root) add("PrivateUsers", "PrivateUsers", "yes", "other users and groups are not mapped into the service");
    if (!needsNetwork) add("IPAddressDeny", "IPAddressDeny", "any", "no IP traffic at all");
    if (root && before.checks.some((c) => c.json_field.startsWith("CapabilityBoundingSet_") && c.set === false) && !values(eff, S, "CapabilityBoundingSet").length) {
      lines.push({
        directive: "CapabilityBoundingSet",
        value: "~CAP_SYS_ADMIN CAP_SYS_PTRACE CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_BOOT CAP_SYS_TIME CAP_MKNOD CAP_MAC_ADMIN CAP_MAC_OVERRIDE CAP_LINUX_IMMUTABLE CAP_AUDIT_CONTROL CAP_SYS_PACCT CAP_SYS_TTY_CONFIG CAP_WAKE_ALARM CAP_BLOCK_SUSPEND",
        why: "drop the capabilities daemons rarely need"
      });
    }
    notes.push(
      "Test the strict level before deploying: MemoryDenyWriteExecute= breaks JIT compilers, SystemCallFilter= kills the service on a system call outside the list, UMask=0077 hides new files from the group, ProtectSystem=strict needs ReadWritePaths= (or StateDirectory=\u2026) for every folder the service writes."
    );
  }
  const body = lines.map((l) => `# ${l.why}
${l.directive}=${l.value}`).join("\n");
  const text = `# Hardening for ${unitName} (${level} level), from "Harden This Service".
[Service]
${body}
`;
  const after = scoreService(
    mergeUnit([...sources, { path: `${unitName}.d/hardening.conf`, text }]),
    unitName,
    version
  );
  return { level, lines, text, before, after, notes };
}
var PATH_KEYS, WRITE_KEYS, under;
var init_harden = __esm({
  "server/src/services/security/harden.ts"() {
    "use strict";
    init_effective();
    init_score();
    init_info();
    PATH_KEYS = [
      "ExecStart",
      "ExecStartPre",
      "ExecStartPost",
      "ExecReload",
      "ExecStop",
      "ExecStopPost",
      "ExecCondition",
      "WorkingDirectory",
      "EnvironmentFile",
      "PIDFile",
      "RootDirectory"
    ];
    WRITE_KEYS = [
      "ReadWritePaths",
      "ReadWriteDirectories",
      "BindPaths",
      "LogsDirectory",
      "StandardOutput",
      "StandardError"
    ];
    under = (p, ...dirs) => dirs.some((d) => p === d || p.startsWith(`${d}/`));
  }
});

// server/src/services/commands.ts
import { basename as basename10, join as join12, posix as posix8 } from "node:path";
function unitOf(path) {
  const k = fileKindOf(path);
  if ((k.kind === "unit" || k.kind === "dropin") && appliesToOneUnit(k.unitName, k.unitType))
    return { unit: k.unitName, type: k.unitType };
  return void 0;
}
function hierarchyOf(path, unit, env) {
  const world = unitWorldOf(path);
  return findUnitHierarchyInRoots(unit, {
    roots: world.roots,
    scope: world.scope,
    fs: env.fs,
    readRoots: env.workspaceFolders
  });
}
function targetFor(path, write, env, scope) {
  const t2 = writeTargets({ documentPath: path, workspaceFolders: env.workspaceFolders, write, scope, fs: env.probe });
  return t2.defaultTarget ?? t2.targets[0] ?? t2.reason ?? "no folder to write to";
}
function fresh(paths, env) {
  const taken = paths.find((p) => env.exists(p));
  return taken ? `${taken} already exists; nothing was written (open it and edit it, or choose another name)` : void 0;
}
function unitDropInTarget(path, unit, env) {
  return targetFor(path, { kind: "unitDropIn", unit }, env, unitWorldOf(path).scope);
}
function planNewFile(target, fileName, env, verb, content, notes) {
  if (typeof target === "string") return err2(target);
  const file = join12(target.folder, fileName);
  const taken = fresh([file], env);
  if (taken) return err2(taken);
  return {
    kind: "write",
    title: `${verb} ${file}`,
    target,
    replace: [],
    files: [{ path: file, content: content(file) }],
    notes
  };
}
function fileFlags(f) {
  return `${f.vendor ? " (vendor)" : ""}${f.masked ? " (masked)" : ""}`;
}
function planDropInsText(name, head, dropIns) {
  const lines = [`# ${name}`, ...head];
  dropIns.forEach((d, i) => lines.push(`${i + 1}. ${d.path}${fileFlags(d)}`));
  if (!dropIns.length) lines.push("no drop-ins");
  return { kind: "text", title: `Drop-ins of ${name}`, text: `${lines.join("\n")}
` };
}
function shippedTextOf(path, doc, env, what) {
  const shipped = env.shipped(doc);
  if (!shipped || shipped.text === void 0) {
    return err2(
      shipped?.source === "dpkg" ? `${path} differs from package ${shipped.package ?? ""}, but the shipped text is not available here: copy your change into a new ${what}, then reinstall the package.` : `Nothing to compare ${path} with (no git HEAD, no earlier version): create an override instead.`
    );
  }
  if (!shipped.differs) return err2(`${path} is as shipped: there is nothing to move.`);
  return shipped.text;
}
function planMovedChange(target, env, dropInText, replace, notes) {
  if (typeof target === "string") return err2(target);
  let name = "50-moved-from-vendor.conf";
  for (let i = 2; env.exists(join12(target.folder, name)); i++) name = `50-moved-from-vendor-${i}.conf`;
  const file = join12(target.folder, name);
  return {
    kind: "write",
    title: `Move the change to ${file}`,
    target,
    files: [{ path: file, content: dropInText }],
    replace,
    notes
  };
}
function configOf(path, env) {
  const k = fileKindOf(path, env.openDocument(path)?.text);
  if (k.kind !== "config") return void 0;
  const dialect = dialectById(k.dialect);
  return dialect ? { dialect, name: k.name, dropIn: k.dropIn } : void 0;
}
function configHierarchyFor(path, c, env) {
  return configHierarchyOf(path, c.dialect, c.name, env.fs);
}
function configTarget(path, c, env) {
  return targetFor(
    path,
    { kind: "configDropIn", name: c.name, dirs: c.dialect.recognition.searchDirs ?? [] },
    env,
    "system"
  );
}
function reloadNote(c) {
  if (c.dialect.id.startsWith("quadlet-"))
    return "Then: systemctl daemon-reload (systemctl --user daemon-reload for your own Quadlet files), and restart the service.";
  const a = applyCommandOf(c.dialect);
  return a ? `Then: ${a.command}${a.caveat ? ` (${a.caveat})` : ""}` : `${c.name} is read when its program runs: nothing to reload.`;
}
function planConfigOverride(path, c, env, name) {
  if (!c.dialect.recognition.dropIns)
    return err2(`${c.dialect.label} has no drop-ins: systemd reads only the file itself, so edit it in place.`);
  const n = validateDropInName(name);
  if (!n.ok) return err2(n.reason);
  const h = configHierarchyFor(path, c, env);
  const { view } = loadEffectiveConfig(h, env.fs);
  return planNewFile(
    configTarget(path, c, env),
    n.fileName,
    env,
    "Create",
    (file) => configOverrideTemplate(c.dialect, view, { name: c.name, path: file }),
    [reloadNote(c)]
  );
}
function planConfigDropIns(path, c, env) {
  const h = configHierarchyFor(path, c, env);
  const head = [
    h.main ? `main file: ${h.main.path}${fileFlags(h.main)}` : "main file: not found (built-in defaults apply)"
  ];
  for (const s of h.shadowedMains) head.push(`not read: ${s.path} (${h.main.path} comes first)`);
  return planDropInsText(c.name, head, h.dropIns);
}
function planConfigEffective(path, c, env) {
  const h = configHierarchyFor(path, c, env);
  const { view, sources, skipped } = loadEffectiveConfig(h, env.fs);
  const notes = h.main ? [] : [`no ${c.name} found (${h.mainCandidates.length} places looked at); built-in defaults apply`];
  for (const s of h.shadowedMains) notes.push(`${s.path} is not read: ${h.main.path} comes first`);
  for (const s of skipped) notes.push(`skipped ${s.path}: ${s.reason}`);
  return {
    kind: "text",
    title: `Effective ${c.name}`,
    text: renderConfig(view, { comments: true, title: c.name, sources, notes })
  };
}
function planConfigMoveToDropIn(path, c, env, line) {
  if (c.dropIn) return err2(`${basename10(path)} is a drop-in already.`);
  if (!c.dialect.recognition.dropIns) return err2(`${c.dialect.label} has no drop-ins: keep the change in the file.`);
  if (!configPlaceOf(path, c.dialect, c.name).vendor)
    return err2(`${path} is not a vendor file: edit it in place, or create an override.`);
  const doc = env.openDocument(path) ?? env.parseFile(path);
  if (!doc) return err2(`${path} cannot be read.`);
  const shipped = shippedTextOf(path, doc, env, "drop-in");
  if (typeof shipped !== "string") return shipped;
  const plan = planConfigMove(c.dialect, doc.text, shipped, line);
  if (!plan.dropInText.trim())
    return err2(
      `The change cannot be expressed in a drop-in${plan.cannotExpress.length ? `: ${plan.cannotExpress.map((x) => x.reason).join(" ")}` : ""}; nothing was moved.`
    );
  return planMovedChange(
    configTarget(path, c, env),
    env,
    plan.dropInText,
    plan.vendorText === doc.text ? [] : [{ path, content: plan.vendorText }],
    [...plan.cannotExpress.map((x) => x.reason), reloadNote(c)]
  );
}
function planCreateOverride(path, env, name = "override.conf") {
  const c = configOf(path, env);
  if (c) return planConfigOverride(path, c, env, name);
  const u = unitOf(path);
  if (!u) return err2(`${basename10(path)} is not a unit file or a drop-in of one unit.`);
  const n = validateDropInName(name);
  if (!n.ok) return err2(n.reason);
  const h = hierarchyOf(path, u.unit, env);
  const eff = h.fragment || h.dropIns.length ? loadEffectiveUnit(h, env.fs).effective : mergeUnit([]);
  return planNewFile(
    unitDropInTarget(path, u.unit, env),
    n.fileName,
    env,
    "Create",
    (file) => overrideTemplate(eff, { unitName: u.unit, path: file }),
    ["Then: systemctl daemon-reload"]
  );
}
function planShowDropIns(path, env) {
  const c = configOf(path, env);
  if (c) return planConfigDropIns(path, c, env);
  const u = unitOf(path);
  if (!u) return err2(`${basename10(path)} is not a unit file or a drop-in of one unit.`);
  const h = hierarchyOf(path, u.unit, env);
  return planDropInsText(
    u.unit,
    [h.fragment ? `unit file: ${h.fragment.path}${h.masked ? " (masked)" : ""}` : "unit file: not found"],
    h.dropIns
  );
}
function planShowEffective(path, env) {
  const c = configOf(path, env);
  if (c) return planConfigEffective(path, c, env);
  const u = unitOf(path);
  if (!u) return err2(`${basename10(path)} is not a unit file or a drop-in of one unit.`);
  const h = hierarchyOf(path, u.unit, env);
  if (!h.fragment && !h.dropIns.length) return err2(`No file found for ${u.unit}.`);
  const { effective: effective2 } = loadEffectiveUnit(h, env.fs);
  return {
    kind: "text",
    title: `Effective ${u.unit}`,
    text: renderEffective(effective2, { comments: true, unitName: h.id })
  };
}
function planMoveChangeToDropIn(path, env, line) {
  const c = configOf(path, env);
  if (c) return planConfigMoveToDropIn(path, c, env, line);
  const doc = env.openDocument(path) ?? env.parseFile(path);
  if (!doc || doc.file.kind !== "unit") return err2(`${basename10(path)} is not a unit file.`);
  if (!isVendorUnitFile(path)) return err2(`${path} is not a vendor unit: edit it in place, or create an override.`);
  const shipped = shippedTextOf(path, doc, env, "override");
  if (typeof shipped !== "string") return shipped;
  const plan = planMoveToDropInText(doc.text, shipped, doc.analysis.unitType, line);
  if (!plan.dropInText.trim())
    return err2("The change cannot be expressed in a drop-in (see the warnings); nothing was moved.");
  return planMovedChange(
    unitDropInTarget(path, doc.file.unitName, env),
    env,
    plan.dropInText,
    [{ path, content: plan.vendorText }],
    [...plan.notes, "Then: systemctl daemon-reload"]
  );
}
function planMoveToDropInText(current, shipped, unitType, line) {
  const p = planMoveToDropIn(current, shipped, { unitType, ...line !== void 0 ? { line } : {} });
  return { dropInText: p.dropInText, vendorText: p.vendorText, notes: p.cannotExpress.map((c) => c.reason) };
}
function planConvertFullCopy(path, env) {
  const u = unitOf(path);
  const doc = env.openDocument(path) ?? env.parseFile(path);
  if (!u || !doc || doc.file.kind !== "unit") return err2(`${basename10(path)} is not a unit file.`);
  if (isVendorUnitFile(path)) return err2(`${path} is the vendor file itself; a full copy lives in etc/systemd/system.`);
  const h = hierarchyOf(path, u.unit, env);
  const vendor = [h.fragment, ...h.shadowedFragments].find((f) => f && f.path !== path && isVendorUnitFile(f.path));
  if (!vendor) return err2(`Found no vendor copy of ${u.unit} to compare with.`);
  const base = env.readText(vendor.path);
  if (base === void 0) return err2(`${vendor.path} cannot be read.`);
  const min = computeMinimalDropIn(base, doc.text);
  return planNewFile(
    unitDropInTarget(path, u.unit, env),
    "override.conf",
    env,
    "Write",
    () => min.text.trim() ? min.text : "# The copy does not differ from the vendor unit.\n",
    [...min.cannotExpress.map((c) => c.reason), `Then remove the full copy ${path} and run systemctl daemon-reload.`]
  );
}
function planSetHardwareWatchdog(path, env, seconds) {
  const limits = env.watchdog ?? limitsForDriver("iTCO-v2");
  const s = seconds ?? limits.max;
  if (!Number.isInteger(s) || s < limits.min || s > limits.max)
    return err2(`${s} s is outside what ${limits.label} accepts (${limits.min}\u2013${limits.max} s).`);
  return planNewFile(
    targetFor(path, { kind: "managerDropIn" }, env, "system"),
    "60-watchdog.conf",
    env,
    "Create",
    () => `# Hardware watchdog (${limits.label}: ${limits.min}\u2013${limits.max} s).
[Manager]
RuntimeWatchdogSec=${s}s
RebootWatchdogSec=${Math.min(600, limits.max)}s
`,
    ["Then: systemctl daemon-reexec, and check with wdctl."]
  );
}
function planGenerateSocketUnits(logPath, service, env) {
  const unit = service.endsWith(".service") ? service : `${service}.service`;
  const ok = validateUnitName(unit);
  if (!ok.ok) return err2(ok.reason);
  const log = env.readText(logPath);
  if (log === void 0) return err2(`${logPath} cannot be read.`);
  const g = generateSocketUnits(log, unit, env.preloadLibrary);
  if (g.errors.length) return err2(g.errors.join("; "));
  if (!g.files.length) return err2(g.warnings.join("; ") || "The log shows no listening socket.");
  const target = targetFor(void 0, { kind: "unitFiles" }, env, "system");
  if (typeof target === "string") return err2(target);
  const files = g.files.map((f) => ({ path: posix8.join(target.folder, f.path), content: f.content }));
  const taken = fresh(
    files.map((f) => f.path),
    env
  );
  if (taken) return err2(taken);
  return {
    kind: "write",
    title: `Write ${files.length} file(s) into ${target.folder}`,
    target,
    files,
    replace: [],
    notes: [...g.warnings, ...g.steps]
  };
}
function planShowSecurity(path, score) {
  if (!score) return err2(`${basename10(path)} is not a service unit (or a drop-in of one) that can be scored.`);
  return { kind: "text", title: `Exposure of ${score.unit}`, text: renderSecurityTable(score) };
}
function planHardenService(path, env, opts) {
  const u = unitOf(path);
  if (!u || u.type !== "service") return err2(`${basename10(path)} is not a service unit or a drop-in of one.`);
  if (!opts.sources.length) return err2(`No file found for ${u.unit}.`);
  const target = unitDropInTarget(path, u.unit, env);
  if (typeof target === "string") return err2(target);
  const file = join12(target.folder, "hardening.conf");
  const reload = "Then: systemctl daemon-reload, and restart the service.";
  if (opts.line) {
    const line = `${opts.line.directive}=${opts.line.value}`;
    const existing = env.exists(file) ? env.openDocument(file)?.text ?? env.readText(file) : void 0;
    const self = opts.sources.findIndex((s) => s.path === file);
    const before = scoreService(mergeUnit(opts.sources), u.unit, opts.version);
    const after = existing !== void 0 && self >= 0 ? scoreWithLine(opts.sources, u.unit, opts.version, line, self) : scoreWithLine(opts.sources, u.unit, opts.version, line);
    const title = `Add ${line} to ${file}: exposure ${before.exposure} \u2192 ${after.exposure} ${after.label}`;
    if (existing !== void 0)
      return {
        kind: "write",
        title,
        target,
        files: [],
        replace: [{ path: file, content: withServiceLine(existing, line).text }],
        notes: [reload]
      };
    return {
      kind: "write",
      title,
      target,
      replace: [],
      files: [{ path: file, content: `# Hardening for ${u.unit}, from a quick fix.
[Service]
${line}
` }],
      notes: [reload]
    };
  }
  const plan = planHardening(opts.sources, u.unit, opts.version, opts.level);
  if (!plan.lines.length) return err2(`Nothing to add at the ${opts.level} level: ${plan.notes.join(" ")}`.trim());
  const taken = fresh([file], env);
  if (taken) return err2(taken);
  return {
    kind: "write",
    title: `Harden ${u.unit} (${opts.level}): exposure ${plan.before.exposure} ${plan.before.label} \u2192 ${plan.after.exposure} ${plan.after.label}`,
    target,
    replace: [],
    files: [{ path: file, content: plan.text }],
    notes: [...plan.notes, reload]
  };
}
var err2;
var init_commands = __esm({
  "server/src/services/commands.ts"() {
    "use strict";
    init_hierarchy();
    init_effective();
    init_overrideTemplate();
    init_minimalDropIn();
    init_shipped();
    init_safeWrite();
    init_writeTarget();
    init_unitWorld();
    init_strace();
    init_security();
    init_harden();
    init_drivers();
    init_fileKind();
    init_dialects();
    init_configHierarchy();
    init_configDropIn();
    init_commandNames();
    err2 = (message) => ({ kind: "error", message });
  }
});

// server/src/services/onDemand.ts
var onDemand_exports = {};
__export(onDemand_exports, {
  applyEdits: () => applyEdits,
  dropInLens: () => dropInLens,
  ensureFolderInside: () => ensureFolderInside,
  findUnitReferences: () => findUnitReferences,
  formatDocument: () => formatDocument,
  getCodeActions: () => getCodeActions,
  getCompletions: () => getCompletions,
  getDefinition: () => getDefinition,
  getDocumentHighlights: () => getDocumentHighlights,
  getDocumentLinks: () => getDocumentLinks,
  getDocumentSymbols: () => getDocumentSymbols,
  getFoldingRanges: () => getFoldingRanges,
  getHover: () => getHover,
  getInlayHints: () => getInlayHints,
  getMoveToDropInActions: () => getMoveToDropInActions,
  getSemanticTokens: () => getSemanticTokens,
  planConvertFullCopy: () => planConvertFullCopy,
  planCreateOverride: () => planCreateOverride,
  planGenerateSocketUnits: () => planGenerateSocketUnits,
  planGeneratedUnit: () => planGeneratedUnit,
  planHardenService: () => planHardenService,
  planMoveChangeToDropIn: () => planMoveChangeToDropIn,
  planSetHardwareWatchdog: () => planSetHardwareWatchdog,
  planShowDropIns: () => planShowDropIns,
  planShowEffective: () => planShowEffective,
  planShowSecurity: () => planShowSecurity,
  quadletMentions: () => quadletMentions,
  quadletRefAt: () => quadletRefAt,
  realProbe: () => realProbe,
  textEditsOf: () => textEditsOf,
  unitNameAt: () => unitNameAt,
  validateUnitName: () => validateUnitName,
  writeFileAtomic: () => writeFileAtomic,
  writeFilesAllOrNothing: () => writeFilesAllOrNothing
});
var init_onDemand = __esm({
  "server/src/services/onDemand.ts"() {
    "use strict";
    init_completion();
    init_hover();
    init_symbols();
    init_folding();
    init_links();
    init_definition();
    init_codeActions();
    init_formatting();
    init_semanticTokens();
    init_highlight();
    init_references();
    init_codeLens();
    init_inlayHints();
    init_quadletAssist();
    init_quadletGenerate();
    init_commands();
    init_safeWrite();
  }
});

// node_modules/vscode-jsonrpc/lib/common/is.js
var require_is = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/is.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.boolean = boolean;
    exports.string = string;
    exports.number = number;
    exports.error = error;
    exports.func = func;
    exports.array = array;
    exports.stringArray = stringArray;
    function boolean(value) {
      return value === true || value === false;
    }
    function string(value) {
      return typeof value === "string" || value instanceof String;
    }
    function number(value) {
      return typeof value === "number" || value instanceof Number;
    }
    function error(value) {
      return value instanceof Error;
    }
    function func(value) {
      return typeof value === "function";
    }
    function array(value) {
      return Array.isArray(value);
    }
    function stringArray(value) {
      return array(value) && value.every((elem) => string(elem));
    }
  }
});

// node_modules/vscode-jsonrpc/lib/common/messages.js
var require_messages = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/messages.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Message = exports.NotificationType9 = exports.NotificationType8 = exports.NotificationType7 = exports.NotificationType6 = exports.NotificationType5 = exports.NotificationType4 = exports.NotificationType3 = exports.NotificationType2 = exports.NotificationType1 = exports.NotificationType0 = exports.NotificationType = exports.RequestType9 = exports.RequestType8 = exports.RequestType7 = exports.RequestType6 = exports.RequestType5 = exports.RequestType4 = exports.RequestType3 = exports.RequestType2 = exports.RequestType1 = exports.RequestType = exports.RequestType0 = exports.AbstractMessageSignature = exports.ParameterStructures = exports.ResponseError = exports.ErrorCodes = void 0;
    var is = __importStar(require_is());
    var ErrorCodes;
    (function(ErrorCodes2) {
      ErrorCodes2.ParseError = -32700;
      ErrorCodes2.InvalidRequest = -32600;
      ErrorCodes2.MethodNotFound = -32601;
      ErrorCodes2.InvalidParams = -32602;
      ErrorCodes2.InternalError = -32603;
      ErrorCodes2.jsonrpcReservedErrorRangeStart = -32099;
      ErrorCodes2.serverErrorStart = -32099;
      ErrorCodes2.MessageWriteError = -32099;
      ErrorCodes2.MessageReadError = -32098;
      ErrorCodes2.PendingResponseRejected = -32097;
      ErrorCodes2.ConnectionInactive = -32096;
      ErrorCodes2.ServerNotInitialized = -32002;
      ErrorCodes2.UnknownErrorCode = -32001;
      ErrorCodes2.jsonrpcReservedErrorRangeEnd = -32e3;
      ErrorCodes2.serverErrorEnd = -32e3;
    })(ErrorCodes || (exports.ErrorCodes = ErrorCodes = {}));
    var ResponseError = class _ResponseError extends Error {
      code;
      data;
      constructor(code, message, data) {
        super(message);
        this.code = is.number(code) ? code : ErrorCodes.UnknownErrorCode;
        this.data = data;
        Object.setPrototypeOf(this, _ResponseError.prototype);
      }
      toJson() {
        const result = {
          code: this.code,
          message: this.message
        };
        if (this.data !== void 0) {
          result.data = this.data;
        }
        return result;
      }
    };
    exports.ResponseError = ResponseError;
    var ParameterStructures = class _ParameterStructures {
      kind;
      /**
       * The parameter structure is automatically inferred on the number of parameters
       * and the parameter type in case of a single param.
       */
      static auto = new _ParameterStructures("auto");
      /**
       * Forces `byPosition` parameter structure. This is useful if you have a single
       * parameter which has a literal type.
       */
      static byPosition = new _ParameterStructures("byPosition");
      /**
       * Forces `byName` parameter structure. This is only useful when having a single
       * parameter. The library will report errors if used with a different number of
       * parameters.
       */
      static byName = new _ParameterStructures("byName");
      constructor(kind) {
        this.kind = kind;
      }
      static is(value) {
        return value === _ParameterStructures.auto || value === _ParameterStructures.byName || value === _ParameterStructures.byPosition;
      }
      toString() {
        return this.kind;
      }
    };
    exports.ParameterStructures = ParameterStructures;
    var AbstractMessageSignature = class {
      method;
      numberOfParams;
      constructor(method, numberOfParams) {
        this.method = method;
        this.numberOfParams = numberOfParams;
      }
      get parameterStructures() {
        return ParameterStructures.auto;
      }
    };
    exports.AbstractMessageSignature = AbstractMessageSignature;
    var RequestType0 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 0);
      }
    };
    exports.RequestType0 = RequestType0;
    var RequestType = class extends AbstractMessageSignature {
      _parameterStructures;
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method, _parameterStructures = ParameterStructures.auto) {
        super(method, 1);
        this._parameterStructures = _parameterStructures;
      }
      get parameterStructures() {
        return this._parameterStructures;
      }
    };
    exports.RequestType = RequestType;
    var RequestType1 = class extends AbstractMessageSignature {
      _parameterStructures;
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method, _parameterStructures = ParameterStructures.auto) {
        super(method, 1);
        this._parameterStructures = _parameterStructures;
      }
      get parameterStructures() {
        return this._parameterStructures;
      }
    };
    exports.RequestType1 = RequestType1;
    var RequestType2 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 2);
      }
    };
    exports.RequestType2 = RequestType2;
    var RequestType3 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 3);
      }
    };
    exports.RequestType3 = RequestType3;
    var RequestType4 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 4);
      }
    };
    exports.RequestType4 = RequestType4;
    var RequestType5 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 5);
      }
    };
    exports.RequestType5 = RequestType5;
    var RequestType6 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 6);
      }
    };
    exports.RequestType6 = RequestType6;
    var RequestType7 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 7);
      }
    };
    exports.RequestType7 = RequestType7;
    var RequestType8 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 8);
      }
    };
    exports.RequestType8 = RequestType8;
    var RequestType9 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 9);
      }
    };
    exports.RequestType9 = RequestType9;
    var NotificationType = class extends AbstractMessageSignature {
      _parameterStructures;
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method, _parameterStructures = ParameterStructures.auto) {
        super(method, 1);
        this._parameterStructures = _parameterStructures;
      }
      get parameterStructures() {
        return this._parameterStructures;
      }
    };
    exports.NotificationType = NotificationType;
    var NotificationType0 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 0);
      }
    };
    exports.NotificationType0 = NotificationType0;
    var NotificationType1 = class extends AbstractMessageSignature {
      _parameterStructures;
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method, _parameterStructures = ParameterStructures.auto) {
        super(method, 1);
        this._parameterStructures = _parameterStructures;
      }
      get parameterStructures() {
        return this._parameterStructures;
      }
    };
    exports.NotificationType1 = NotificationType1;
    var NotificationType2 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 2);
      }
    };
    exports.NotificationType2 = NotificationType2;
    var NotificationType3 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 3);
      }
    };
    exports.NotificationType3 = NotificationType3;
    var NotificationType4 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 4);
      }
    };
    exports.NotificationType4 = NotificationType4;
    var NotificationType5 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 5);
      }
    };
    exports.NotificationType5 = NotificationType5;
    var NotificationType6 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 6);
      }
    };
    exports.NotificationType6 = NotificationType6;
    var NotificationType7 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 7);
      }
    };
    exports.NotificationType7 = NotificationType7;
    var NotificationType8 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 8);
      }
    };
    exports.NotificationType8 = NotificationType8;
    var NotificationType9 = class extends AbstractMessageSignature {
      /**
       * Clients must not use this property. It is here to ensure correct typing.
       */
      _;
      constructor(method) {
        super(method, 9);
      }
    };
    exports.NotificationType9 = NotificationType9;
    var Message;
    (function(Message2) {
      function isRequest(message) {
        const candidate = message;
        return candidate && is.string(candidate.method) && (is.string(candidate.id) || is.number(candidate.id));
      }
      Message2.isRequest = isRequest;
      function isNotification(message) {
        const candidate = message;
        return candidate && is.string(candidate.method) && message.id === void 0;
      }
      Message2.isNotification = isNotification;
      function isResponse(message) {
        const candidate = message;
        return candidate && (candidate.result !== void 0 || !!candidate.error) && (is.string(candidate.id) || is.number(candidate.id) || candidate.id === null);
      }
      Message2.isResponse = isResponse;
    })(Message || (exports.Message = Message = {}));
  }
});

// node_modules/vscode-jsonrpc/lib/common/linkedMap.js
var require_linkedMap = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/linkedMap.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.LRUCache = exports.LinkedMap = exports.Touch = void 0;
    var Touch;
    (function(Touch2) {
      Touch2.None = 0;
      Touch2.First = 1;
      Touch2.AsOld = Touch2.First;
      Touch2.Last = 2;
      Touch2.AsNew = Touch2.Last;
    })(Touch || (exports.Touch = Touch = {}));
    var LinkedMap = class {
      [Symbol.toStringTag] = "LinkedMap";
      _map;
      _head;
      _tail;
      _size;
      _state;
      constructor() {
        this._map = /* @__PURE__ */ new Map();
        this._head = void 0;
        this._tail = void 0;
        this._size = 0;
        this._state = 0;
      }
      clear() {
        this._map.clear();
        this._head = void 0;
        this._tail = void 0;
        this._size = 0;
        this._state++;
      }
      isEmpty() {
        return !this._head && !this._tail;
      }
      get size() {
        return this._size;
      }
      get first() {
        return this._head?.value;
      }
      get last() {
        return this._tail?.value;
      }
      before(key2) {
        const item = this._map.get(key2);
        return item ? item.previous?.value : void 0;
      }
      after(key2) {
        const item = this._map.get(key2);
        return item ? item.next?.value : void 0;
      }
      has(key2) {
        return this._map.has(key2);
      }
      get(key2, touch = Touch.None) {
        const item = this._map.get(key2);
        if (!item) {
          return void 0;
        }
        if (touch !== Touch.None) {
          this.touch(item, touch);
        }
        return item.value;
      }
      set(key2, value, touch = Touch.None) {
        let item = this._map.get(key2);
        if (item) {
          item.value = value;
          if (touch !== Touch.None) {
            this.touch(item, touch);
          }
        } else {
          item = { key: key2, value, next: void 0, previous: void 0 };
          switch (touch) {
            case Touch.None:
              this.addItemLast(item);
              break;
            case Touch.First:
              this.addItemFirst(item);
              break;
            case Touch.Last:
              this.addItemLast(item);
              break;
            default:
              this.addItemLast(item);
              break;
          }
          this._map.set(key2, item);
          this._size++;
        }
        return this;
      }
      delete(key2) {
        return !!this.remove(key2);
      }
      remove(key2) {
        const item = this._map.get(key2);
        if (!item) {
          return void 0;
        }
        this._map.delete(key2);
        this.removeItem(item);
        this._size--;
        return item.value;
      }
      shift() {
        if (!this._head && !this._tail) {
          return void 0;
        }
        if (!this._head || !this._tail) {
          throw new Error("Invalid list");
        }
        const item = this._head;
        this._map.delete(item.key);
        this.removeItem(item);
        this._size--;
        return item.value;
      }
      forEach(callbackfn, thisArg) {
        const state = this._state;
        let current = this._head;
        while (current) {
          if (thisArg) {
            callbackfn.bind(thisArg)(current.value, current.key, this);
          } else {
            callbackfn(current.value, current.key, this);
          }
          if (this._state !== state) {
            throw new Error(`LinkedMap got modified during iteration.`);
          }
          current = current.next;
        }
      }
      keys() {
        const state = this._state;
        let current = this._head;
        const iterator = {
          [Symbol.iterator]: () => {
            return iterator;
          },
          next: () => {
            if (this._state !== state) {
              throw new Error(`LinkedMap got modified during iteration.`);
            }
            if (current) {
              const result = { value: current.key, done: false };
              current = current.next;
              return result;
            } else {
              return { value: void 0, done: true };
            }
          }
        };
        return iterator;
      }
      values() {
        const state = this._state;
        let current = this._head;
        const iterator = {
          [Symbol.iterator]: () => {
            return iterator;
          },
          next: () => {
            if (this._state !== state) {
              throw new Error(`LinkedMap got modified during iteration.`);
            }
            if (current) {
              const result = { value: current.value, done: false };
              current = current.next;
              return result;
            } else {
              return { value: void 0, done: true };
            }
          }
        };
        return iterator;
      }
      entries() {
        const state = this._state;
        let current = this._head;
        const iterator = {
          [Symbol.iterator]: () => {
            return iterator;
          },
          next: () => {
            if (this._state !== state) {
              throw new Error(`LinkedMap got modified during iteration.`);
            }
            if (current) {
              const result = { value: [current.key, current.value], done: false };
              current = current.next;
              return result;
            } else {
              return { value: void 0, done: true };
            }
          }
        };
        return iterator;
      }
      [Symbol.iterator]() {
        return this.entries();
      }
      trimOld(newSize) {
        if (newSize >= this.size) {
          return;
        }
        if (newSize === 0) {
          this.clear();
          return;
        }
        let current = this._head;
        let currentSize = this.size;
        while (current && currentSize > newSize) {
          this._map.delete(current.key);
          current = current.next;
          currentSize--;
        }
        this._head = current;
        this._size = currentSize;
        if (current) {
          current.previous = void 0;
        }
        this._state++;
      }
      addItemFirst(item) {
        if (!this._head && !this._tail) {
          this._tail = item;
        } else if (!this._head) {
          throw new Error("Invalid list");
        } else {
          item.next = this._head;
          this._head.previous = item;
        }
        this._head = item;
        this._state++;
      }
      addItemLast(item) {
        if (!this._head && !this._tail) {
          this._head = item;
        } else if (!this._tail) {
          throw new Error("Invalid list");
        } else {
          item.previous = this._tail;
          this._tail.next = item;
        }
        this._tail = item;
        this._state++;
      }
      removeItem(item) {
        if (item === this._head && item === this._tail) {
          this._head = void 0;
          this._tail = void 0;
        } else if (item === this._head) {
          if (!item.next) {
            throw new Error("Invalid list");
          }
          item.next.previous = void 0;
          this._head = item.next;
        } else if (item === this._tail) {
          if (!item.previous) {
            throw new Error("Invalid list");
          }
          item.previous.next = void 0;
          this._tail = item.previous;
        } else {
          const next = item.next;
          const previous = item.previous;
          if (!next || !previous) {
            throw new Error("Invalid list");
          }
          next.previous = previous;
          previous.next = next;
        }
        item.next = void 0;
        item.previous = void 0;
        this._state++;
      }
      touch(item, touch) {
        if (!this._head || !this._tail) {
          throw new Error("Invalid list");
        }
        if (touch !== Touch.First && touch !== Touch.Last) {
          return;
        }
        if (touch === Touch.First) {
          if (item === this._head) {
            return;
          }
          const next = item.next;
          const previous = item.previous;
          if (item === this._tail) {
            previous.next = void 0;
            this._tail = previous;
          } else {
            next.previous = previous;
            previous.next = next;
          }
          item.previous = void 0;
          item.next = this._head;
          this._head.previous = item;
          this._head = item;
          this._state++;
        } else if (touch === Touch.Last) {
          if (item === this._tail) {
            return;
          }
          const next = item.next;
          const previous = item.previous;
          if (item === this._head) {
            next.previous = void 0;
            this._head = next;
          } else {
            next.previous = previous;
            previous.next = next;
          }
          item.next = void 0;
          item.previous = this._tail;
          this._tail.next = item;
          this._tail = item;
          this._state++;
        }
      }
      toJSON() {
        const data = [];
        this.forEach((value, key2) => {
          data.push([key2, value]);
        });
        return data;
      }
      fromJSON(data) {
        this.clear();
        for (const [key2, value] of data) {
          this.set(key2, value);
        }
      }
    };
    exports.LinkedMap = LinkedMap;
    var LRUCache = class extends LinkedMap {
      _limit;
      _ratio;
      constructor(limit, ratio = 1) {
        super();
        this._limit = limit;
        this._ratio = Math.min(Math.max(0, ratio), 1);
      }
      get limit() {
        return this._limit;
      }
      set limit(limit) {
        this._limit = limit;
        this.checkTrim();
      }
      get ratio() {
        return this._ratio;
      }
      set ratio(ratio) {
        this._ratio = Math.min(Math.max(0, ratio), 1);
        this.checkTrim();
      }
      get(key2, touch = Touch.AsNew) {
        return super.get(key2, touch);
      }
      peek(key2) {
        return super.get(key2, Touch.None);
      }
      set(key2, value) {
        super.set(key2, value, Touch.Last);
        this.checkTrim();
        return this;
      }
      checkTrim() {
        if (this.size > this._limit) {
          this.trimOld(Math.round(this._limit * this._ratio));
        }
      }
    };
    exports.LRUCache = LRUCache;
  }
});

// node_modules/vscode-jsonrpc/lib/common/disposable.js
var require_disposable = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/disposable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Disposable = void 0;
    var Disposable;
    (function(Disposable2) {
      function create(func) {
        return {
          dispose: func
        };
      }
      Disposable2.create = create;
    })(Disposable || (exports.Disposable = Disposable = {}));
  }
});

// node_modules/vscode-jsonrpc/lib/common/ral.js
var require_ral = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/ral.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var _ral;
    function RAL() {
      if (_ral === void 0) {
        throw new Error(`No runtime abstraction layer installed`);
      }
      return _ral;
    }
    (function(RAL2) {
      function install(ral) {
        if (ral === void 0) {
          throw new Error(`No runtime abstraction layer provided`);
        }
        _ral = ral;
      }
      RAL2.install = install;
    })(RAL || (RAL = {}));
    exports.default = RAL;
  }
});

// node_modules/vscode-jsonrpc/lib/common/events.js
var require_events = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/events.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Emitter = exports.Event = void 0;
    var ral_1 = __importDefault(require_ral());
    var Event;
    (function(Event2) {
      const _disposable = { dispose() {
      } };
      Event2.None = function() {
        return _disposable;
      };
    })(Event || (exports.Event = Event = {}));
    var CallbackList = class {
      _callbacks;
      _contexts;
      add(callback, context = null, bucket) {
        if (!this._callbacks) {
          this._callbacks = [];
          this._contexts = [];
        }
        this._callbacks.push(callback);
        this._contexts.push(context);
        if (Array.isArray(bucket)) {
          bucket.push({ dispose: () => this.remove(callback, context) });
        }
      }
      remove(callback, context = null) {
        if (!this._callbacks) {
          return;
        }
        let foundCallbackWithDifferentContext = false;
        for (let i = 0, len = this._callbacks.length; i < len; i++) {
          if (this._callbacks[i] === callback) {
            if (this._contexts[i] === context) {
              this._callbacks.splice(i, 1);
              this._contexts.splice(i, 1);
              return;
            } else {
              foundCallbackWithDifferentContext = true;
            }
          }
        }
        if (foundCallbackWithDifferentContext) {
          throw new Error("When adding a listener with a context, you should remove it with the same context");
        }
      }
      invoke(...args) {
        if (!this._callbacks) {
          return [];
        }
        const ret = [], callbacks = this._callbacks.slice(0), contexts2 = this._contexts.slice(0);
        for (let i = 0, len = callbacks.length; i < len; i++) {
          try {
            ret.push(callbacks[i].apply(contexts2[i], args));
          } catch (e) {
            (0, ral_1.default)().console.error(e);
          }
        }
        return ret;
      }
      isEmpty() {
        return !this._callbacks || this._callbacks.length === 0;
      }
      dispose() {
        this._callbacks = void 0;
        this._contexts = void 0;
      }
    };
    var Emitter = class _Emitter {
      _options;
      static _noop = function() {
      };
      _event;
      _callbacks;
      constructor(_options) {
        this._options = _options;
      }
      /**
       * For the public to allow to subscribe
       * to events from this Emitter
       */
      get event() {
        if (!this._event) {
          this._event = (listener, thisArgs, disposables) => {
            if (!this._callbacks) {
              this._callbacks = new CallbackList();
            }
            if (this._options && this._options.onFirstListenerAdd && this._callbacks.isEmpty()) {
              this._options.onFirstListenerAdd(this);
            }
            this._callbacks.add(listener, thisArgs);
            const result = {
              dispose: () => {
                if (!this._callbacks) {
                  return;
                }
                this._callbacks.remove(listener, thisArgs);
                result.dispose = _Emitter._noop;
                if (this._options && this._options.onLastListenerRemove && this._callbacks.isEmpty()) {
                  this._options.onLastListenerRemove(this);
                }
              }
            };
            if (Array.isArray(disposables)) {
              disposables.push(result);
            }
            return result;
          };
        }
        return this._event;
      }
      /**
       * To be kept private to fire an event to
       * subscribers
       */
      fire(event) {
        if (this._callbacks) {
          this._callbacks.invoke.call(this._callbacks, event);
        }
      }
      dispose() {
        if (this._callbacks) {
          this._callbacks.dispose();
          this._callbacks = void 0;
        }
      }
    };
    exports.Emitter = Emitter;
  }
});

// node_modules/vscode-jsonrpc/lib/common/cancellation.js
var require_cancellation = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/cancellation.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CancellationTokenSource = exports.CancellationToken = void 0;
    var ral_1 = __importDefault(require_ral());
    var Is = __importStar(require_is());
    var events_1 = require_events();
    var CancellationToken;
    (function(CancellationToken2) {
      CancellationToken2.None = Object.freeze({
        isCancellationRequested: false,
        onCancellationRequested: events_1.Event.None
      });
      CancellationToken2.Cancelled = Object.freeze({
        isCancellationRequested: true,
        onCancellationRequested: events_1.Event.None
      });
      function is(value) {
        const candidate = value;
        return candidate && (candidate === CancellationToken2.None || candidate === CancellationToken2.Cancelled || Is.boolean(candidate.isCancellationRequested) && !!candidate.onCancellationRequested);
      }
      CancellationToken2.is = is;
    })(CancellationToken || (exports.CancellationToken = CancellationToken = {}));
    var shortcutEvent = Object.freeze(function(callback, context) {
      const handle = (0, ral_1.default)().timer.setTimeout(callback.bind(context), 0);
      return { dispose() {
        handle.dispose();
      } };
    });
    var MutableToken = class {
      _isCancelled = false;
      _emitter;
      cancel() {
        if (!this._isCancelled) {
          this._isCancelled = true;
          if (this._emitter) {
            this._emitter.fire(void 0);
            this.dispose();
          }
        }
      }
      get isCancellationRequested() {
        return this._isCancelled;
      }
      get onCancellationRequested() {
        if (this._isCancelled) {
          return shortcutEvent;
        }
        if (!this._emitter) {
          this._emitter = new events_1.Emitter();
        }
        return this._emitter.event;
      }
      dispose() {
        if (this._emitter) {
          this._emitter.dispose();
          this._emitter = void 0;
        }
      }
    };
    var CancellationTokenSource = class {
      _token;
      get token() {
        if (!this._token) {
          this._token = new MutableToken();
        }
        return this._token;
      }
      cancel() {
        if (!this._token) {
          this._token = CancellationToken.Cancelled;
        } else {
          this._token.cancel();
        }
      }
      dispose() {
        if (!this._token) {
          this._token = CancellationToken.None;
        } else if (this._token instanceof MutableToken) {
          this._token.dispose();
        }
      }
    };
    exports.CancellationTokenSource = CancellationTokenSource;
  }
});

// node_modules/vscode-jsonrpc/lib/common/sharedArrayCancellation.js
var require_sharedArrayCancellation = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/sharedArrayCancellation.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SharedArrayReceiverStrategy = exports.SharedArraySenderStrategy = void 0;
    var cancellation_1 = require_cancellation();
    var CancellationState;
    (function(CancellationState2) {
      CancellationState2.Continue = 0;
      CancellationState2.Cancelled = 1;
    })(CancellationState || (CancellationState = {}));
    var SharedArraySenderStrategy = class {
      buffers;
      constructor() {
        this.buffers = /* @__PURE__ */ new Map();
      }
      enableCancellation(request) {
        if (request.id === null) {
          return;
        }
        const buffer = new SharedArrayBuffer(4);
        const data = new Int32Array(buffer, 0, 1);
        data[0] = CancellationState.Continue;
        this.buffers.set(request.id, buffer);
        request.$cancellationData = buffer;
      }
      async sendCancellation(_conn, id) {
        const buffer = this.buffers.get(id);
        if (buffer === void 0) {
          return;
        }
        const data = new Int32Array(buffer, 0, 1);
        Atomics.store(data, 0, CancellationState.Cancelled);
      }
      cleanup(id) {
        this.buffers.delete(id);
      }
      dispose() {
        this.buffers.clear();
      }
    };
    exports.SharedArraySenderStrategy = SharedArraySenderStrategy;
    var SharedArrayBufferCancellationToken = class {
      data;
      constructor(buffer) {
        this.data = new Int32Array(buffer, 0, 1);
      }
      get isCancellationRequested() {
        return Atomics.load(this.data, 0) === CancellationState.Cancelled;
      }
      get onCancellationRequested() {
        throw new Error(`Cancellation over SharedArrayBuffer doesn't support cancellation events`);
      }
    };
    var SharedArrayBufferCancellationTokenSource = class {
      token;
      constructor(buffer) {
        this.token = new SharedArrayBufferCancellationToken(buffer);
      }
      cancel() {
      }
      dispose() {
      }
    };
    var SharedArrayReceiverStrategy = class {
      kind = "request";
      createCancellationTokenSource(request) {
        const buffer = request.$cancellationData;
        if (buffer === void 0) {
          return new cancellation_1.CancellationTokenSource();
        }
        return new SharedArrayBufferCancellationTokenSource(buffer);
      }
    };
    exports.SharedArrayReceiverStrategy = SharedArrayReceiverStrategy;
  }
});

// node_modules/vscode-jsonrpc/lib/common/semaphore.js
var require_semaphore = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/semaphore.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Semaphore = void 0;
    var ral_1 = __importDefault(require_ral());
    var Semaphore = class {
      _capacity;
      _active;
      _waiting;
      constructor(capacity = 1) {
        if (capacity <= 0) {
          throw new Error("Capacity must be greater than 0");
        }
        this._capacity = capacity;
        this._active = 0;
        this._waiting = [];
      }
      lock(thunk) {
        return new Promise((resolve6, reject) => {
          this._waiting.push({ thunk, resolve: resolve6, reject });
          this.runNext();
        });
      }
      get active() {
        return this._active;
      }
      runNext() {
        if (this._waiting.length === 0 || this._active === this._capacity) {
          return;
        }
        (0, ral_1.default)().timer.setImmediate(() => this.doRunNext());
      }
      doRunNext() {
        if (this._waiting.length === 0 || this._active === this._capacity) {
          return;
        }
        const next = this._waiting.shift();
        this._active++;
        if (this._active > this._capacity) {
          throw new Error(`Too many thunks active`);
        }
        try {
          const result = next.thunk();
          if (result instanceof Promise) {
            result.then((value) => {
              this._active--;
              next.resolve(value);
              this.runNext();
            }, (err3) => {
              this._active--;
              next.reject(err3);
              this.runNext();
            });
          } else {
            this._active--;
            next.resolve(result);
            this.runNext();
          }
        } catch (err3) {
          this._active--;
          next.reject(err3);
          this.runNext();
        }
      }
    };
    exports.Semaphore = Semaphore;
  }
});

// node_modules/vscode-jsonrpc/lib/common/messageReader.js
var require_messageReader = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/messageReader.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ReadableStreamMessageReader = exports.AbstractMessageReader = exports.MessageReader = void 0;
    var ral_1 = __importDefault(require_ral());
    var Is = __importStar(require_is());
    var events_1 = require_events();
    var semaphore_1 = require_semaphore();
    var MessageReader;
    (function(MessageReader2) {
      function is(value) {
        const candidate = value;
        return candidate && Is.func(candidate.listen) && Is.func(candidate.dispose) && Is.func(candidate.onError) && Is.func(candidate.onClose) && Is.func(candidate.onPartialMessage);
      }
      MessageReader2.is = is;
    })(MessageReader || (exports.MessageReader = MessageReader = {}));
    var AbstractMessageReader = class {
      errorEmitter;
      closeEmitter;
      partialMessageEmitter;
      constructor() {
        this.errorEmitter = new events_1.Emitter();
        this.closeEmitter = new events_1.Emitter();
        this.partialMessageEmitter = new events_1.Emitter();
      }
      dispose() {
        this.errorEmitter.dispose();
        this.closeEmitter.dispose();
        this.partialMessageEmitter.dispose();
      }
      get onError() {
        return this.errorEmitter.event;
      }
      fireError(error) {
        this.errorEmitter.fire(this.asError(error));
      }
      get onClose() {
        return this.closeEmitter.event;
      }
      fireClose() {
        this.closeEmitter.fire(void 0);
      }
      get onPartialMessage() {
        return this.partialMessageEmitter.event;
      }
      firePartialMessage(info) {
        this.partialMessageEmitter.fire(info);
      }
      asError(error) {
        if (error instanceof Error) {
          return error;
        } else {
          return new Error(`Reader received error. Reason: ${Is.string(error.message) ? error.message : "unknown"}`);
        }
      }
    };
    exports.AbstractMessageReader = AbstractMessageReader;
    var ResolvedMessageReaderOptions;
    (function(ResolvedMessageReaderOptions2) {
      function fromOptions(options) {
        let charset;
        let result;
        let contentDecoder;
        const contentDecoders = /* @__PURE__ */ new Map();
        let contentTypeDecoder;
        const contentTypeDecoders = /* @__PURE__ */ new Map();
        if (options === void 0 || typeof options === "string") {
          charset = options ?? "utf-8";
        } else {
          charset = options.charset ?? "utf-8";
          if (options.contentDecoder !== void 0) {
            contentDecoder = options.contentDecoder;
            contentDecoders.set(contentDecoder.name, contentDecoder);
          }
          if (options.contentDecoders !== void 0) {
            for (const decoder of options.contentDecoders) {
              contentDecoders.set(decoder.name, decoder);
            }
          }
          if (options.contentTypeDecoder !== void 0) {
            contentTypeDecoder = options.contentTypeDecoder;
            contentTypeDecoders.set(contentTypeDecoder.name, contentTypeDecoder);
          }
          if (options.contentTypeDecoders !== void 0) {
            for (const decoder of options.contentTypeDecoders) {
              contentTypeDecoders.set(decoder.name, decoder);
            }
          }
        }
        if (contentTypeDecoder === void 0) {
          contentTypeDecoder = (0, ral_1.default)().applicationJson.decoder;
          contentTypeDecoders.set(contentTypeDecoder.name, contentTypeDecoder);
        }
        return { charset, contentDecoder, contentDecoders, contentTypeDecoder, contentTypeDecoders };
      }
      ResolvedMessageReaderOptions2.fromOptions = fromOptions;
    })(ResolvedMessageReaderOptions || (ResolvedMessageReaderOptions = {}));
    var ReadableStreamMessageReader = class extends AbstractMessageReader {
      readable;
      options;
      callback;
      nextMessageLength;
      messageToken;
      buffer;
      partialMessageTimer;
      _partialMessageTimeout;
      readSemaphore;
      constructor(readable, options) {
        super();
        this.readable = readable;
        this.options = ResolvedMessageReaderOptions.fromOptions(options);
        this.buffer = (0, ral_1.default)().messageBuffer.create(this.options.charset);
        this._partialMessageTimeout = 1e4;
        this.nextMessageLength = -1;
        this.messageToken = 0;
        this.readSemaphore = new semaphore_1.Semaphore(1);
      }
      set partialMessageTimeout(timeout) {
        this._partialMessageTimeout = timeout;
      }
      get partialMessageTimeout() {
        return this._partialMessageTimeout;
      }
      listen(callback) {
        this.nextMessageLength = -1;
        this.messageToken = 0;
        this.partialMessageTimer = void 0;
        this.callback = callback;
        const result = this.readable.onData((data) => {
          this.onData(data);
        });
        this.readable.onError((error) => this.fireError(error));
        this.readable.onClose(() => this.fireClose());
        return result;
      }
      onData(data) {
        try {
          this.buffer.append(data);
          while (true) {
            if (this.nextMessageLength === -1) {
              const headers = this.buffer.tryReadHeaders(true);
              if (!headers) {
                return;
              }
              const contentLength = headers.get("content-length");
              if (!contentLength) {
                this.fireError(new Error(`Header must provide a Content-Length property.
${JSON.stringify(Object.fromEntries(headers))}`));
                return;
              }
              const length = parseInt(contentLength);
              if (isNaN(length)) {
                this.fireError(new Error(`Content-Length value must be a number. Got ${contentLength}`));
                return;
              }
              this.nextMessageLength = length;
            }
            const body = this.buffer.tryReadBody(this.nextMessageLength);
            if (body === void 0) {
              this.setPartialMessageTimer();
              return;
            }
            this.clearPartialMessageTimer();
            this.nextMessageLength = -1;
            this.readSemaphore.lock(async () => {
              const bytes = this.options.contentDecoder !== void 0 ? await this.options.contentDecoder.decode(body) : body;
              const message = await this.options.contentTypeDecoder.decode(bytes, this.options);
              this.callback(message);
            }).catch((error) => {
              this.fireError(error);
            });
          }
        } catch (error) {
          this.fireError(error);
        }
      }
      clearPartialMessageTimer() {
        if (this.partialMessageTimer) {
          this.partialMessageTimer.dispose();
          this.partialMessageTimer = void 0;
        }
      }
      setPartialMessageTimer() {
        this.clearPartialMessageTimer();
        if (this._partialMessageTimeout <= 0) {
          return;
        }
        this.partialMessageTimer = (0, ral_1.default)().timer.setTimeout((token, timeout) => {
          this.partialMessageTimer = void 0;
          if (token === this.messageToken) {
            this.firePartialMessage({ messageToken: token, waitingTime: timeout });
            this.setPartialMessageTimer();
          }
        }, this._partialMessageTimeout, this.messageToken, this._partialMessageTimeout);
      }
    };
    exports.ReadableStreamMessageReader = ReadableStreamMessageReader;
  }
});

// node_modules/vscode-jsonrpc/lib/common/messageWriter.js
var require_messageWriter = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/messageWriter.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.WriteableStreamMessageWriter = exports.AbstractMessageWriter = exports.MessageWriter = void 0;
    var ral_1 = __importDefault(require_ral());
    var Is = __importStar(require_is());
    var semaphore_1 = require_semaphore();
    var events_1 = require_events();
    var ContentLength = "Content-Length: ";
    var CRLF = "\r\n";
    var MessageWriter;
    (function(MessageWriter2) {
      function is(value) {
        const candidate = value;
        return candidate && Is.func(candidate.dispose) && Is.func(candidate.onClose) && Is.func(candidate.onError) && Is.func(candidate.write);
      }
      MessageWriter2.is = is;
    })(MessageWriter || (exports.MessageWriter = MessageWriter = {}));
    var AbstractMessageWriter = class {
      errorEmitter;
      closeEmitter;
      constructor() {
        this.errorEmitter = new events_1.Emitter();
        this.closeEmitter = new events_1.Emitter();
      }
      dispose() {
        this.errorEmitter.dispose();
        this.closeEmitter.dispose();
      }
      get onError() {
        return this.errorEmitter.event;
      }
      fireError(error, message, count) {
        this.errorEmitter.fire([this.asError(error), message, count]);
      }
      get onClose() {
        return this.closeEmitter.event;
      }
      fireClose() {
        this.closeEmitter.fire(void 0);
      }
      asError(error) {
        if (error instanceof Error) {
          return error;
        } else {
          return new Error(`Writer received error. Reason: ${Is.string(error.message) ? error.message : "unknown"}`);
        }
      }
    };
    exports.AbstractMessageWriter = AbstractMessageWriter;
    var ResolvedMessageWriterOptions;
    (function(ResolvedMessageWriterOptions2) {
      function fromOptions(options) {
        if (options === void 0 || typeof options === "string") {
          return { charset: options ?? "utf-8", contentTypeEncoder: (0, ral_1.default)().applicationJson.encoder };
        } else {
          return { charset: options.charset ?? "utf-8", contentEncoder: options.contentEncoder, contentTypeEncoder: options.contentTypeEncoder ?? (0, ral_1.default)().applicationJson.encoder };
        }
      }
      ResolvedMessageWriterOptions2.fromOptions = fromOptions;
    })(ResolvedMessageWriterOptions || (ResolvedMessageWriterOptions = {}));
    var WriteableStreamMessageWriter = class extends AbstractMessageWriter {
      writable;
      options;
      errorCount;
      writeSemaphore;
      constructor(writable, options) {
        super();
        this.writable = writable;
        this.options = ResolvedMessageWriterOptions.fromOptions(options);
        this.errorCount = 0;
        this.writeSemaphore = new semaphore_1.Semaphore(1);
        this.writable.onError((error) => this.fireError(error));
        this.writable.onClose(() => this.fireClose());
      }
      async write(msg) {
        return this.writeSemaphore.lock(async () => {
          const payload = this.options.contentTypeEncoder.encode(msg, this.options).then((buffer) => {
            if (this.options.contentEncoder !== void 0) {
              return this.options.contentEncoder.encode(buffer);
            } else {
              return buffer;
            }
          });
          return payload.then((buffer) => {
            const headers = [];
            headers.push(ContentLength, buffer.byteLength.toString(), CRLF);
            headers.push(CRLF);
            return this.doWrite(msg, headers, buffer);
          }, (error) => {
            this.fireError(error);
            throw error;
          });
        });
      }
      async doWrite(msg, headers, data) {
        try {
          await this.writable.write(headers.join(""), "ascii");
          return this.writable.write(data);
        } catch (error) {
          this.handleError(error, msg);
          return Promise.reject(error);
        }
      }
      handleError(error, msg) {
        this.errorCount++;
        this.fireError(error, msg, this.errorCount);
      }
      end() {
        this.writable.end();
      }
    };
    exports.WriteableStreamMessageWriter = WriteableStreamMessageWriter;
  }
});

// node_modules/vscode-jsonrpc/lib/common/messageBuffer.js
var require_messageBuffer = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/messageBuffer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.AbstractMessageBuffer = void 0;
    var CR = 13;
    var LF = 10;
    var CRLF = "\r\n";
    var AbstractMessageBuffer = class {
      _encoding;
      _chunks;
      _totalLength;
      constructor(encoding = "utf-8") {
        this._encoding = encoding;
        this._chunks = [];
        this._totalLength = 0;
      }
      get encoding() {
        return this._encoding;
      }
      append(chunk) {
        const toAppend = typeof chunk === "string" ? this.fromString(chunk, this._encoding) : chunk;
        this._chunks.push(toAppend);
        this._totalLength += toAppend.byteLength;
      }
      tryReadHeaders(lowerCaseKeys = false) {
        if (this._chunks.length === 0) {
          return void 0;
        }
        let state = 0;
        let chunkIndex = 0;
        let offset = 0;
        let chunkBytesRead = 0;
        row: while (chunkIndex < this._chunks.length) {
          const chunk = this._chunks[chunkIndex];
          offset = 0;
          while (offset < chunk.length) {
            const value = chunk[offset];
            switch (value) {
              case CR:
                switch (state) {
                  case 0:
                    state = 1;
                    break;
                  case 2:
                    state = 3;
                    break;
                  default:
                    state = 0;
                }
                break;
              case LF:
                switch (state) {
                  case 1:
                    state = 2;
                    break;
                  case 3:
                    state = 4;
                    offset++;
                    break row;
                  default:
                    state = 0;
                }
                break;
              default:
                state = 0;
            }
            offset++;
          }
          chunkBytesRead += chunk.byteLength;
          chunkIndex++;
        }
        if (state !== 4) {
          return void 0;
        }
        const buffer = this._read(chunkBytesRead + offset);
        const result = /* @__PURE__ */ new Map();
        const headers = this.toString(buffer, "ascii").split(CRLF);
        if (headers.length < 2) {
          return result;
        }
        for (let i = 0; i < headers.length - 2; i++) {
          const header = headers[i];
          const index = header.indexOf(":");
          if (index === -1) {
            throw new Error(`Message header must separate key and value using ':'
${header}`);
          }
          const key2 = header.substr(0, index);
          const value = header.substr(index + 1).trim();
          result.set(lowerCaseKeys ? key2.toLowerCase() : key2, value);
        }
        return result;
      }
      tryReadBody(length) {
        if (this._totalLength < length) {
          return void 0;
        }
        return this._read(length);
      }
      get numberOfBytes() {
        return this._totalLength;
      }
      _read(byteCount) {
        if (byteCount === 0) {
          return this.emptyBuffer();
        }
        if (byteCount > this._totalLength) {
          throw new Error(`Cannot read so many bytes!`);
        }
        if (this._chunks[0].byteLength === byteCount) {
          const chunk = this._chunks[0];
          this._chunks.shift();
          this._totalLength -= byteCount;
          return this.asNative(chunk);
        }
        if (this._chunks[0].byteLength > byteCount) {
          const chunk = this._chunks[0];
          const result2 = this.asNative(chunk, byteCount);
          this._chunks[0] = chunk.slice(byteCount);
          this._totalLength -= byteCount;
          return result2;
        }
        const result = this.allocNative(byteCount);
        let resultOffset = 0;
        const chunkIndex = 0;
        while (byteCount > 0) {
          const chunk = this._chunks[chunkIndex];
          if (chunk.byteLength > byteCount) {
            const chunkPart = chunk.slice(0, byteCount);
            result.set(chunkPart, resultOffset);
            resultOffset += byteCount;
            this._chunks[chunkIndex] = chunk.slice(byteCount);
            this._totalLength -= byteCount;
            byteCount -= byteCount;
          } else {
            result.set(chunk, resultOffset);
            resultOffset += chunk.byteLength;
            this._chunks.shift();
            this._totalLength -= chunk.byteLength;
            byteCount -= chunk.byteLength;
          }
        }
        return result;
      }
    };
    exports.AbstractMessageBuffer = AbstractMessageBuffer;
  }
});

// node_modules/vscode-jsonrpc/lib/common/connection.js
var require_connection = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/connection.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ConnectionOptions = exports.MessageStrategy = exports.CancellationStrategy = exports.CancellationSenderStrategy = exports.CancellationReceiverStrategy = exports.RequestCancellationReceiverStrategy = exports.IdCancellationReceiverStrategy = exports.ConnectionStrategy = exports.ConnectionError = exports.ConnectionErrors = exports.LogTraceNotification = exports.SetTraceNotification = exports.TraceFormat = exports.TraceValues = exports.TraceValue = exports.Trace = exports.NullLogger = exports.ProgressType = exports.ProgressToken = void 0;
    exports.createMessageConnection = createMessageConnection2;
    var ral_1 = __importDefault(require_ral());
    var Is = __importStar(require_is());
    var messages_1 = require_messages();
    var linkedMap_1 = require_linkedMap();
    var events_1 = require_events();
    var cancellation_1 = require_cancellation();
    var CancelNotification;
    (function(CancelNotification2) {
      CancelNotification2.type = new messages_1.NotificationType("$/cancelRequest");
    })(CancelNotification || (CancelNotification = {}));
    var ProgressToken;
    (function(ProgressToken2) {
      function is(value) {
        return typeof value === "string" || typeof value === "number";
      }
      ProgressToken2.is = is;
    })(ProgressToken || (exports.ProgressToken = ProgressToken = {}));
    var ProgressNotification;
    (function(ProgressNotification2) {
      ProgressNotification2.type = new messages_1.NotificationType("$/progress");
    })(ProgressNotification || (ProgressNotification = {}));
    var ProgressType = class {
      /**
       * Clients must not use these properties. They are here to ensure correct typing.
       * in TypeScript
       */
      __;
      _pr;
      constructor() {
      }
    };
    exports.ProgressType = ProgressType;
    var StarRequestHandler;
    (function(StarRequestHandler2) {
      function is(value) {
        return Is.func(value);
      }
      StarRequestHandler2.is = is;
    })(StarRequestHandler || (StarRequestHandler = {}));
    exports.NullLogger = Object.freeze({
      error: () => {
      },
      warn: () => {
      },
      info: () => {
      },
      log: () => {
      }
    });
    var Trace;
    (function(Trace2) {
      Trace2[Trace2["Off"] = 0] = "Off";
      Trace2[Trace2["Messages"] = 1] = "Messages";
      Trace2[Trace2["Compact"] = 2] = "Compact";
      Trace2[Trace2["Verbose"] = 3] = "Verbose";
    })(Trace || (exports.Trace = Trace = {}));
    var TraceValue;
    (function(TraceValue2) {
      TraceValue2.Off = "off";
      TraceValue2.Messages = "messages";
      TraceValue2.Compact = "compact";
      TraceValue2.Verbose = "verbose";
    })(TraceValue || (exports.TraceValue = TraceValue = {}));
    exports.TraceValues = TraceValue;
    (function(Trace2) {
      function fromString(value) {
        if (!Is.string(value)) {
          return Trace2.Off;
        }
        value = value.toLowerCase();
        switch (value) {
          case "off":
            return Trace2.Off;
          case "messages":
            return Trace2.Messages;
          case "compact":
            return Trace2.Compact;
          case "verbose":
            return Trace2.Verbose;
          default:
            return Trace2.Off;
        }
      }
      Trace2.fromString = fromString;
      function toString(value) {
        switch (value) {
          case Trace2.Off:
            return "off";
          case Trace2.Messages:
            return "messages";
          case Trace2.Compact:
            return "compact";
          case Trace2.Verbose:
            return "verbose";
          default:
            return "off";
        }
      }
      Trace2.toString = toString;
    })(Trace || (exports.Trace = Trace = {}));
    var TraceFormat;
    (function(TraceFormat2) {
      TraceFormat2["Text"] = "text";
      TraceFormat2["JSON"] = "json";
    })(TraceFormat || (exports.TraceFormat = TraceFormat = {}));
    (function(TraceFormat2) {
      function fromString(value) {
        if (!Is.string(value)) {
          return TraceFormat2.Text;
        }
        value = value.toLowerCase();
        if (value === "json") {
          return TraceFormat2.JSON;
        } else {
          return TraceFormat2.Text;
        }
      }
      TraceFormat2.fromString = fromString;
    })(TraceFormat || (exports.TraceFormat = TraceFormat = {}));
    var SetTraceNotification;
    (function(SetTraceNotification2) {
      SetTraceNotification2.type = new messages_1.NotificationType("$/setTrace");
    })(SetTraceNotification || (exports.SetTraceNotification = SetTraceNotification = {}));
    var LogTraceNotification;
    (function(LogTraceNotification2) {
      LogTraceNotification2.type = new messages_1.NotificationType("$/logTrace");
    })(LogTraceNotification || (exports.LogTraceNotification = LogTraceNotification = {}));
    var ConnectionErrors;
    (function(ConnectionErrors2) {
      ConnectionErrors2[ConnectionErrors2["Closed"] = 1] = "Closed";
      ConnectionErrors2[ConnectionErrors2["Disposed"] = 2] = "Disposed";
      ConnectionErrors2[ConnectionErrors2["AlreadyListening"] = 3] = "AlreadyListening";
    })(ConnectionErrors || (exports.ConnectionErrors = ConnectionErrors = {}));
    var ConnectionError = class _ConnectionError extends Error {
      code;
      constructor(code, message) {
        super(message);
        this.code = code;
        Object.setPrototypeOf(this, _ConnectionError.prototype);
      }
    };
    exports.ConnectionError = ConnectionError;
    var ConnectionStrategy;
    (function(ConnectionStrategy2) {
      function is(value) {
        const candidate = value;
        return candidate && Is.func(candidate.cancelUndispatched);
      }
      ConnectionStrategy2.is = is;
    })(ConnectionStrategy || (exports.ConnectionStrategy = ConnectionStrategy = {}));
    var IdCancellationReceiverStrategy;
    (function(IdCancellationReceiverStrategy2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.kind === void 0 || candidate.kind === "id") && Is.func(candidate.createCancellationTokenSource) && (candidate.dispose === void 0 || Is.func(candidate.dispose));
      }
      IdCancellationReceiverStrategy2.is = is;
    })(IdCancellationReceiverStrategy || (exports.IdCancellationReceiverStrategy = IdCancellationReceiverStrategy = {}));
    var RequestCancellationReceiverStrategy;
    (function(RequestCancellationReceiverStrategy2) {
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "request" && Is.func(candidate.createCancellationTokenSource) && (candidate.dispose === void 0 || Is.func(candidate.dispose));
      }
      RequestCancellationReceiverStrategy2.is = is;
    })(RequestCancellationReceiverStrategy || (exports.RequestCancellationReceiverStrategy = RequestCancellationReceiverStrategy = {}));
    var CancellationReceiverStrategy;
    (function(CancellationReceiverStrategy2) {
      CancellationReceiverStrategy2.Message = Object.freeze({
        createCancellationTokenSource(_) {
          return new cancellation_1.CancellationTokenSource();
        }
      });
      function is(value) {
        return IdCancellationReceiverStrategy.is(value) || RequestCancellationReceiverStrategy.is(value);
      }
      CancellationReceiverStrategy2.is = is;
    })(CancellationReceiverStrategy || (exports.CancellationReceiverStrategy = CancellationReceiverStrategy = {}));
    var CancellationSenderStrategy;
    (function(CancellationSenderStrategy2) {
      CancellationSenderStrategy2.Message = Object.freeze({
        sendCancellation(conn, id) {
          return conn.sendNotification(CancelNotification.type, { id });
        },
        cleanup(_) {
        }
      });
      function is(value) {
        const candidate = value;
        return candidate && Is.func(candidate.sendCancellation) && Is.func(candidate.cleanup);
      }
      CancellationSenderStrategy2.is = is;
    })(CancellationSenderStrategy || (exports.CancellationSenderStrategy = CancellationSenderStrategy = {}));
    var CancellationStrategy;
    (function(CancellationStrategy2) {
      CancellationStrategy2.Message = Object.freeze({
        receiver: CancellationReceiverStrategy.Message,
        sender: CancellationSenderStrategy.Message
      });
      function is(value) {
        const candidate = value;
        return candidate && CancellationReceiverStrategy.is(candidate.receiver) && CancellationSenderStrategy.is(candidate.sender);
      }
      CancellationStrategy2.is = is;
    })(CancellationStrategy || (exports.CancellationStrategy = CancellationStrategy = {}));
    var MessageStrategy;
    (function(MessageStrategy2) {
      function is(value) {
        const candidate = value;
        return candidate && Is.func(candidate.handleMessage);
      }
      MessageStrategy2.is = is;
    })(MessageStrategy || (exports.MessageStrategy = MessageStrategy = {}));
    var ConnectionOptions;
    (function(ConnectionOptions2) {
      function is(value) {
        const candidate = value;
        return candidate && (CancellationStrategy.is(candidate.cancellationStrategy) || ConnectionStrategy.is(candidate.connectionStrategy) || MessageStrategy.is(candidate.messageStrategy) || Is.number(candidate.maxParallelism));
      }
      ConnectionOptions2.is = is;
    })(ConnectionOptions || (exports.ConnectionOptions = ConnectionOptions = {}));
    var ConnectionState;
    (function(ConnectionState2) {
      ConnectionState2[ConnectionState2["New"] = 1] = "New";
      ConnectionState2[ConnectionState2["Listening"] = 2] = "Listening";
      ConnectionState2[ConnectionState2["Closed"] = 3] = "Closed";
      ConnectionState2[ConnectionState2["Disposed"] = 4] = "Disposed";
    })(ConnectionState || (ConnectionState = {}));
    function createMessageConnection2(messageReader, messageWriter, _logger, options) {
      const logger = _logger !== void 0 ? _logger : exports.NullLogger;
      let sequenceNumber = 0;
      let notificationSequenceNumber = 0;
      let unknownResponseSequenceNumber = 0;
      const version = "2.0";
      const maxParallelism = options?.maxParallelism ?? -1;
      let inFlight = 0;
      let starRequestHandler = void 0;
      const requestHandlers = /* @__PURE__ */ new Map();
      let starNotificationHandler = void 0;
      const notificationHandlers = /* @__PURE__ */ new Map();
      const progressHandlers = /* @__PURE__ */ new Map();
      let timer;
      let messageQueue = new linkedMap_1.LinkedMap();
      let responsePromises = /* @__PURE__ */ new Map();
      let knownCanceledRequests = /* @__PURE__ */ new Set();
      let requestTokens = /* @__PURE__ */ new Map();
      let trace = Trace.Off;
      let traceFormat = TraceFormat.Text;
      let tracer;
      let state = ConnectionState.New;
      const errorEmitter = new events_1.Emitter();
      const closeEmitter = new events_1.Emitter();
      const unhandledNotificationEmitter = new events_1.Emitter();
      const unhandledProgressEmitter = new events_1.Emitter();
      const disposeEmitter = new events_1.Emitter();
      const cancellationStrategy = options && options.cancellationStrategy ? options.cancellationStrategy : CancellationStrategy.Message;
      function cancelUndispatched(_message) {
        return void 0;
      }
      function isListening() {
        return state === ConnectionState.Listening;
      }
      function isClosed() {
        return state === ConnectionState.Closed;
      }
      function isDisposed() {
        return state === ConnectionState.Disposed;
      }
      function closeHandler() {
        if (state === ConnectionState.New || state === ConnectionState.Listening) {
          state = ConnectionState.Closed;
          closeEmitter.fire(void 0);
        }
      }
      function readErrorHandler(error) {
        errorEmitter.fire([error, void 0, void 0]);
      }
      function writeErrorHandler(data) {
        errorEmitter.fire(data);
      }
      messageReader.onClose(closeHandler);
      messageReader.onError(readErrorHandler);
      messageWriter.onClose(closeHandler);
      messageWriter.onError(writeErrorHandler);
      function createRequestQueueKey(id) {
        if (id === null) {
          throw new Error(`Can't send requests with id null since the response can't be correlated.`);
        }
        return "req-" + id.toString();
      }
      function createResponseQueueKey(id) {
        if (id === null) {
          return "res-unknown-" + (++unknownResponseSequenceNumber).toString();
        } else {
          return "res-" + id.toString();
        }
      }
      function createNotificationQueueKey() {
        return "not-" + (++notificationSequenceNumber).toString();
      }
      function addMessageToQueue(queue, message) {
        if (messages_1.Message.isRequest(message)) {
          queue.set(createRequestQueueKey(message.id), message);
        } else if (messages_1.Message.isResponse(message)) {
          if (maxParallelism === -1) {
            queue.set(createResponseQueueKey(message.id), message);
          } else {
            handleResponse(message);
          }
        } else {
          queue.set(createNotificationQueueKey(), message);
        }
      }
      function triggerMessageQueue() {
        if (timer || messageQueue.size === 0) {
          return;
        }
        if (maxParallelism !== -1 && inFlight >= maxParallelism) {
          return;
        }
        timer = (0, ral_1.default)().timer.setImmediate(async () => {
          timer = void 0;
          if (messageQueue.size === 0) {
            return;
          }
          if (maxParallelism !== -1 && inFlight >= maxParallelism) {
            return;
          }
          const message = messageQueue.shift();
          let result;
          try {
            inFlight++;
            const messageStrategy = options?.messageStrategy;
            if (MessageStrategy.is(messageStrategy)) {
              result = messageStrategy.handleMessage(message, handleMessage);
            } else {
              result = handleMessage(message);
            }
          } catch (error) {
            logger.error(`Processing message queue failed: ${error.toString()}`);
          } finally {
            if (result instanceof Promise) {
              result.then(() => {
              }).catch((error) => {
                logger.error(`Processing message queue failed: ${error.toString()}`);
              }).finally(() => {
                inFlight--;
                triggerMessageQueue();
              });
            } else {
              inFlight--;
            }
            triggerMessageQueue();
          }
        });
      }
      async function handleMessage(message) {
        if (messages_1.Message.isRequest(message)) {
          return handleRequest(message);
        } else if (messages_1.Message.isNotification(message)) {
          return handleNotification(message);
        } else if (messages_1.Message.isResponse(message)) {
          return handleResponse(message);
        } else {
          return handleInvalidMessage(message);
        }
      }
      const callback = (message) => {
        try {
          if (messages_1.Message.isNotification(message) && message.method === CancelNotification.type.method) {
            const cancelId = message.params.id;
            const key2 = createRequestQueueKey(cancelId);
            const toCancel = messageQueue.get(key2);
            if (messages_1.Message.isRequest(toCancel)) {
              const strategy = options?.connectionStrategy;
              const response = strategy && strategy.cancelUndispatched ? strategy.cancelUndispatched(toCancel, cancelUndispatched) : cancelUndispatched(toCancel);
              if (response && (response.error !== void 0 || response.result !== void 0)) {
                messageQueue.delete(key2);
                requestTokens.delete(cancelId);
                response.id = toCancel.id;
                traceSendingResponse(response, message.method, Date.now());
                messageWriter.write(response).catch(() => logger.error(`Sending response for canceled message failed.`));
                return;
              }
            }
            const cancellationToken = requestTokens.get(cancelId);
            if (cancellationToken !== void 0) {
              cancellationToken.cancel();
              traceReceivedNotification(message);
              return;
            } else {
              knownCanceledRequests.add(cancelId);
            }
          }
          addMessageToQueue(messageQueue, message);
        } finally {
          triggerMessageQueue();
        }
      };
      async function handleRequest(requestMessage) {
        if (isDisposed()) {
          return Promise.resolve();
        }
        function reply(resultOrError, method, startTime2) {
          const message = {
            jsonrpc: version,
            id: requestMessage.id
          };
          if (resultOrError instanceof messages_1.ResponseError) {
            message.error = resultOrError.toJson();
          } else {
            message.result = resultOrError === void 0 ? null : resultOrError;
          }
          traceSendingResponse(message, method, startTime2);
          return messageWriter.write(message);
        }
        function replyError(error, method, startTime2) {
          const message = {
            jsonrpc: version,
            id: requestMessage.id,
            error: error.toJson()
          };
          traceSendingResponse(message, method, startTime2);
          return messageWriter.write(message);
        }
        traceReceivedRequest(requestMessage);
        const element = requestHandlers.get(requestMessage.method);
        let type;
        let requestHandler;
        if (element) {
          type = element.type;
          requestHandler = element.handler;
        }
        const startTime = Date.now();
        if (requestHandler || starRequestHandler) {
          const tokenKey = requestMessage.id ?? String(Date.now());
          const cancellationSource = IdCancellationReceiverStrategy.is(cancellationStrategy.receiver) ? cancellationStrategy.receiver.createCancellationTokenSource(tokenKey) : cancellationStrategy.receiver.createCancellationTokenSource(requestMessage);
          if (requestMessage.id !== null && knownCanceledRequests.has(requestMessage.id)) {
            cancellationSource.cancel();
          }
          if (requestMessage.id !== null) {
            requestTokens.set(tokenKey, cancellationSource);
          }
          try {
            let handlerResult;
            if (requestHandler) {
              if (requestMessage.params === void 0) {
                if (type !== void 0 && type.numberOfParams !== 0) {
                  return replyError(new messages_1.ResponseError(messages_1.ErrorCodes.InvalidParams, `Request ${requestMessage.method} defines ${type.numberOfParams} params but received none.`), requestMessage.method, startTime);
                }
                handlerResult = requestHandler(cancellationSource.token);
              } else if (Array.isArray(requestMessage.params)) {
                if (type !== void 0 && type.parameterStructures === messages_1.ParameterStructures.byName) {
                  return replyError(new messages_1.ResponseError(messages_1.ErrorCodes.InvalidParams, `Request ${requestMessage.method} defines parameters by name but received parameters by position`), requestMessage.method, startTime);
                }
                handlerResult = requestHandler(...requestMessage.params, cancellationSource.token);
              } else {
                if (type !== void 0 && type.parameterStructures === messages_1.ParameterStructures.byPosition) {
                  return replyError(new messages_1.ResponseError(messages_1.ErrorCodes.InvalidParams, `Request ${requestMessage.method} defines parameters by position but received parameters by name`), requestMessage.method, startTime);
                }
                handlerResult = requestHandler(requestMessage.params, cancellationSource.token);
              }
            } else if (starRequestHandler) {
              handlerResult = starRequestHandler(requestMessage.method, requestMessage.params, cancellationSource.token);
            }
            const resultOrError = await handlerResult;
            await reply(resultOrError, requestMessage.method, startTime);
          } catch (error) {
            if (error instanceof messages_1.ResponseError) {
              await reply(error, requestMessage.method, startTime);
            } else if (error && Is.string(error.message)) {
              await replyError(new messages_1.ResponseError(messages_1.ErrorCodes.InternalError, `Request ${requestMessage.method} failed with message: ${error.message}`), requestMessage.method, startTime);
            } else {
              await replyError(new messages_1.ResponseError(messages_1.ErrorCodes.InternalError, `Request ${requestMessage.method} failed unexpectedly without providing any details.`), requestMessage.method, startTime);
            }
          } finally {
            requestTokens.delete(tokenKey);
          }
        } else {
          await replyError(new messages_1.ResponseError(messages_1.ErrorCodes.MethodNotFound, `Unhandled method ${requestMessage.method}`), requestMessage.method, startTime);
        }
      }
      function handleResponse(responseMessage) {
        if (isDisposed()) {
          return;
        }
        if (responseMessage.id === null) {
          if (responseMessage.error) {
            logger.error(`Received response message without id: Error is: 
${JSON.stringify(responseMessage.error, void 0, 4)}`);
          } else {
            logger.error(`Received response message without id. No further error information provided.`);
          }
        } else {
          const key2 = responseMessage.id;
          const responsePromise = responsePromises.get(key2);
          traceReceivedResponse(responseMessage, responsePromise);
          if (responsePromise !== void 0) {
            responsePromises.delete(key2);
            try {
              if (responseMessage.error) {
                const error = responseMessage.error;
                responsePromise.reject(new messages_1.ResponseError(error.code, error.message, error.data));
              } else if (responseMessage.result !== void 0) {
                responsePromise.resolve(responseMessage.result);
              } else {
                throw new Error("Should never happen.");
              }
            } catch (error) {
              if (error.message) {
                logger.error(`Response handler '${responsePromise.method}' failed with message: ${error.message}`);
              } else {
                logger.error(`Response handler '${responsePromise.method}' failed unexpectedly.`);
              }
            }
          }
        }
      }
      async function handleNotification(message) {
        if (isDisposed()) {
          return;
        }
        let type = void 0;
        let notificationHandler;
        if (message.method === CancelNotification.type.method) {
          const cancelId = message.params.id;
          knownCanceledRequests.delete(cancelId);
          traceReceivedNotification(message);
          return;
        } else {
          const element = notificationHandlers.get(message.method);
          if (element) {
            notificationHandler = element.handler;
            type = element.type;
          }
        }
        if (notificationHandler || starNotificationHandler) {
          try {
            traceReceivedNotification(message);
            if (notificationHandler) {
              if (message.params === void 0) {
                if (type !== void 0) {
                  if (type.numberOfParams !== 0 && type.parameterStructures !== messages_1.ParameterStructures.byName) {
                    logger.error(`Notification ${message.method} defines ${type.numberOfParams} params but received none.`);
                  }
                }
                await notificationHandler();
              } else if (Array.isArray(message.params)) {
                const params = message.params;
                if (message.method === ProgressNotification.type.method && params.length === 2 && ProgressToken.is(params[0])) {
                  await notificationHandler({ token: params[0], value: params[1] });
                } else {
                  if (type !== void 0) {
                    if (type.parameterStructures === messages_1.ParameterStructures.byName) {
                      logger.error(`Notification ${message.method} defines parameters by name but received parameters by position`);
                    }
                    if (type.numberOfParams !== message.params.length) {
                      logger.error(`Notification ${message.method} defines ${type.numberOfParams} params but received ${params.length} arguments`);
                    }
                  }
                  await notificationHandler(...params);
                }
              } else {
                if (type !== void 0 && type.parameterStructures === messages_1.ParameterStructures.byPosition) {
                  logger.error(`Notification ${message.method} defines parameters by position but received parameters by name`);
                }
                await notificationHandler(message.params);
              }
            } else if (starNotificationHandler) {
              await starNotificationHandler(message.method, message.params);
            }
          } catch (error) {
            if (error.message) {
              logger.error(`Notification handler '${message.method}' failed with message: ${error.message}`);
            } else {
              logger.error(`Notification handler '${message.method}' failed unexpectedly.`);
            }
          }
        } else {
          unhandledNotificationEmitter.fire(message);
        }
      }
      function handleInvalidMessage(message) {
        if (!message) {
          logger.error("Received empty message.");
          return;
        }
        logger.error(`Received message which is neither a response nor a notification message:
${JSON.stringify(message, null, 4)}`);
        const responseMessage = message;
        if (Is.string(responseMessage.id) || Is.number(responseMessage.id)) {
          const key2 = responseMessage.id;
          const responseHandler = responsePromises.get(key2);
          if (responseHandler) {
            responseHandler.reject(new Error("The received response has neither a result nor an error property."));
          }
        }
      }
      function stringifyTrace(params) {
        if (params === void 0 || params === null) {
          return void 0;
        }
        switch (trace) {
          case Trace.Verbose:
            return JSON.stringify(params, null, 4);
          case Trace.Compact:
            return JSON.stringify(params);
          default:
            return void 0;
        }
      }
      function traceSendingRequest(message) {
        if (trace === Trace.Off || !tracer) {
          return;
        }
        if (traceFormat === TraceFormat.Text) {
          let data = void 0;
          if ((trace === Trace.Verbose || trace === Trace.Compact) && message.params) {
            data = `Params: ${stringifyTrace(message.params)}`;
          }
          tracer.log(`Sending request '${message.method} - (${message.id})'.`, data);
        } else {
          logLSPMessage("send-request", message);
        }
      }
      function traceSendingNotification(message) {
        if (trace === Trace.Off || !tracer) {
          return;
        }
        if (traceFormat === TraceFormat.Text) {
          let data = void 0;
          if (trace === Trace.Verbose || trace === Trace.Compact) {
            if (message.params) {
              data = `Params: ${stringifyTrace(message.params)}`;
            } else {
              data = "No parameters provided.";
            }
          }
          tracer.log(`Sending notification '${message.method}'.`, data);
        } else {
          logLSPMessage("send-notification", message);
        }
      }
      function traceSendingResponse(message, method, startTime) {
        if (trace === Trace.Off || !tracer) {
          return;
        }
        if (traceFormat === TraceFormat.Text) {
          let data = void 0;
          if (trace === Trace.Verbose || trace === Trace.Compact) {
            if (message.error && message.error.data) {
              data = `Error data: ${stringifyTrace(message.error.data)}`;
            } else {
              if (message.result) {
                data = `Result: ${stringifyTrace(message.result)}`;
              } else if (message.error === void 0) {
                data = "No result returned.";
              }
            }
          }
          const error = message.error ? ` Request failed: ${message.error.message} (${message.error.code}).` : "";
          tracer.log(`Sending response '${method} - (${message.id})'. Processing request took ${Date.now() - startTime}ms.${error}`, data);
        } else {
          logLSPMessage("send-response", message);
        }
      }
      function traceReceivedRequest(message) {
        if (trace === Trace.Off || !tracer) {
          return;
        }
        if (traceFormat === TraceFormat.Text) {
          let data = void 0;
          if ((trace === Trace.Verbose || trace === Trace.Compact) && message.params) {
            data = `Params: ${stringifyTrace(message.params)}`;
          }
          tracer.log(`Received request '${message.method} - (${message.id})'.`, data);
        } else {
          logLSPMessage("receive-request", message);
        }
      }
      function traceReceivedNotification(message) {
        if (trace === Trace.Off || !tracer || message.method === LogTraceNotification.type.method) {
          return;
        }
        if (traceFormat === TraceFormat.Text) {
          let data = void 0;
          if (trace === Trace.Verbose || trace === Trace.Compact) {
            if (message.params) {
              data = `Params: ${stringifyTrace(message.params)}`;
            } else {
              data = "No parameters provided.";
            }
          }
          tracer.log(`Received notification '${message.method}'.`, data);
        } else {
          logLSPMessage("receive-notification", message);
        }
      }
      function traceReceivedResponse(message, responsePromise) {
        if (trace === Trace.Off || !tracer) {
          return;
        }
        if (traceFormat === TraceFormat.Text) {
          let data = void 0;
          if (trace === Trace.Verbose || trace === Trace.Compact) {
            if (message.error && message.error.data) {
              data = `Error data: ${stringifyTrace(message.error.data)}`;
            } else {
              if (message.result) {
                data = `Result: ${stringifyTrace(message.result)}`;
              } else if (message.error === void 0) {
                data = "No result returned.";
              }
            }
          }
          if (responsePromise) {
            const error = message.error ? ` Request failed: ${message.error.message} (${message.error.code}).` : "";
            tracer.log(`Received response '${responsePromise.method} - (${message.id})' in ${Date.now() - responsePromise.timerStart}ms.${error}`, data);
          } else {
            tracer.log(`Received response ${message.id} without active response promise.`, data);
          }
        } else {
          logLSPMessage("receive-response", message);
        }
      }
      function logLSPMessage(type, message) {
        if (!tracer || trace === Trace.Off) {
          return;
        }
        const lspMessage = {
          isLSPMessage: true,
          type,
          message,
          timestamp: Date.now()
        };
        tracer.log(lspMessage);
      }
      function throwIfClosedOrDisposed() {
        if (isClosed()) {
          throw new ConnectionError(ConnectionErrors.Closed, "Connection is closed.");
        }
        if (isDisposed()) {
          throw new ConnectionError(ConnectionErrors.Disposed, "Connection is disposed.");
        }
      }
      function throwIfListening() {
        if (isListening()) {
          throw new ConnectionError(ConnectionErrors.AlreadyListening, "Connection is already listening");
        }
      }
      function throwIfNotListening() {
        if (!isListening()) {
          throw new Error("Call listen() first.");
        }
      }
      function undefinedToNull(param) {
        if (param === void 0) {
          return null;
        } else {
          return param;
        }
      }
      function nullToUndefined(param) {
        if (param === null) {
          return void 0;
        } else {
          return param;
        }
      }
      function isNamedParam(param) {
        return param !== void 0 && param !== null && !Array.isArray(param) && typeof param === "object";
      }
      function computeSingleParam(parameterStructures, param) {
        switch (parameterStructures) {
          case messages_1.ParameterStructures.auto:
            if (isNamedParam(param)) {
              return nullToUndefined(param);
            } else {
              return [undefinedToNull(param)];
            }
          case messages_1.ParameterStructures.byName:
            if (!isNamedParam(param)) {
              throw new Error(`Received parameters by name but param is not an object literal.`);
            }
            return nullToUndefined(param);
          case messages_1.ParameterStructures.byPosition:
            return [undefinedToNull(param)];
          default:
            throw new Error(`Unknown parameter structure ${parameterStructures.toString()}`);
        }
      }
      function computeMessageParams(type, params) {
        let result;
        const numberOfParams = type.numberOfParams;
        switch (numberOfParams) {
          case 0:
            result = void 0;
            break;
          case 1:
            result = computeSingleParam(type.parameterStructures, params[0]);
            break;
          default:
            result = [];
            for (let i = 0; i < params.length && i < numberOfParams; i++) {
              result.push(undefinedToNull(params[i]));
            }
            if (params.length < numberOfParams) {
              for (let i = params.length; i < numberOfParams; i++) {
                result.push(null);
              }
            }
            break;
        }
        return result;
      }
      const connection = {
        sendNotification: (type, ...args) => {
          throwIfClosedOrDisposed();
          let method;
          let messageParams;
          if (Is.string(type)) {
            method = type;
            const first = args[0];
            let paramStart = 0;
            let parameterStructures = messages_1.ParameterStructures.auto;
            if (messages_1.ParameterStructures.is(first)) {
              paramStart = 1;
              parameterStructures = first;
            }
            const paramEnd = args.length;
            const numberOfParams = paramEnd - paramStart;
            switch (numberOfParams) {
              case 0:
                messageParams = void 0;
                break;
              case 1:
                messageParams = computeSingleParam(parameterStructures, args[paramStart]);
                break;
              default:
                if (parameterStructures === messages_1.ParameterStructures.byName) {
                  throw new Error(`Received ${numberOfParams} parameters for 'by Name' notification parameter structure.`);
                }
                messageParams = args.slice(paramStart, paramEnd).map((value) => undefinedToNull(value));
                break;
            }
          } else {
            const params = args;
            method = type.method;
            messageParams = computeMessageParams(type, params);
          }
          const notificationMessage = {
            jsonrpc: version,
            method,
            params: messageParams
          };
          traceSendingNotification(notificationMessage);
          return messageWriter.write(notificationMessage).catch((error) => {
            logger.error(`Sending notification failed.`);
            throw error;
          });
        },
        onNotification: (type, handler) => {
          throwIfClosedOrDisposed();
          let method;
          if (Is.func(type)) {
            starNotificationHandler = type;
          } else if (handler) {
            if (Is.string(type)) {
              method = type;
              notificationHandlers.set(type, { type: void 0, handler });
            } else {
              method = type.method;
              notificationHandlers.set(type.method, { type, handler });
            }
          }
          return {
            dispose: () => {
              if (method !== void 0) {
                if (notificationHandlers.get(method)?.handler === handler) {
                  notificationHandlers.delete(method);
                }
              } else if (starNotificationHandler === type) {
                starNotificationHandler = void 0;
              }
            }
          };
        },
        onProgress: (_type, token, handler) => {
          if (progressHandlers.has(token)) {
            throw new Error(`Progress handler for token ${token} already registered`);
          }
          progressHandlers.set(token, handler);
          return {
            dispose: () => {
              if (progressHandlers.get(token) === handler) {
                progressHandlers.delete(token);
              }
            }
          };
        },
        sendProgress: (_type, token, value) => {
          return connection.sendNotification(ProgressNotification.type, { token, value });
        },
        onUnhandledProgress: unhandledProgressEmitter.event,
        sendRequest: (type, ...args) => {
          throwIfClosedOrDisposed();
          throwIfNotListening();
          function sendCancellation(connection2, id2) {
            const p = cancellationStrategy.sender.sendCancellation(connection2, id2);
            if (p === void 0) {
              logger.log(`Received no promise from cancellation strategy when cancelling id ${id2}`);
            } else {
              p.catch(() => {
                logger.log(`Sending cancellation messages for id ${id2} failed.`);
              });
            }
          }
          let method;
          let messageParams;
          let token = void 0;
          if (Is.string(type)) {
            method = type;
            const first = args[0];
            const last = args[args.length - 1];
            let paramStart = 0;
            let parameterStructures = messages_1.ParameterStructures.auto;
            if (messages_1.ParameterStructures.is(first)) {
              paramStart = 1;
              parameterStructures = first;
            }
            let paramEnd = args.length;
            if (cancellation_1.CancellationToken.is(last)) {
              paramEnd = paramEnd - 1;
              token = last;
            }
            const numberOfParams = paramEnd - paramStart;
            switch (numberOfParams) {
              case 0:
                messageParams = void 0;
                break;
              case 1:
                messageParams = computeSingleParam(parameterStructures, args[paramStart]);
                break;
              default:
                if (parameterStructures === messages_1.ParameterStructures.byName) {
                  throw new Error(`Received ${numberOfParams} parameters for 'by Name' request parameter structure.`);
                }
                messageParams = args.slice(paramStart, paramEnd).map((value) => undefinedToNull(value));
                break;
            }
          } else {
            const params = args;
            method = type.method;
            messageParams = computeMessageParams(type, params);
            const numberOfParams = type.numberOfParams;
            token = cancellation_1.CancellationToken.is(params[numberOfParams]) ? params[numberOfParams] : void 0;
          }
          const id = sequenceNumber++;
          let disposable;
          let tokenWasCancelled = false;
          if (token !== void 0) {
            if (token.isCancellationRequested) {
              tokenWasCancelled = true;
            } else {
              disposable = token.onCancellationRequested(() => {
                sendCancellation(connection, id);
              });
            }
          }
          const requestMessage = {
            jsonrpc: version,
            id,
            method,
            params: messageParams
          };
          traceSendingRequest(requestMessage);
          if (typeof cancellationStrategy.sender.enableCancellation === "function") {
            cancellationStrategy.sender.enableCancellation(requestMessage);
          }
          return new Promise(async (resolve6, reject) => {
            const resolveWithCleanup = (r) => {
              resolve6(r);
              cancellationStrategy.sender.cleanup(id);
              disposable?.dispose();
            };
            const rejectWithCleanup = (r) => {
              reject(r);
              cancellationStrategy.sender.cleanup(id);
              disposable?.dispose();
            };
            const responsePromise = { method, timerStart: Date.now(), resolve: resolveWithCleanup, reject: rejectWithCleanup };
            try {
              responsePromises.set(id, responsePromise);
              await messageWriter.write(requestMessage);
              if (tokenWasCancelled) {
                sendCancellation(connection, id);
              }
            } catch (error) {
              responsePromises.delete(id);
              responsePromise.reject(new messages_1.ResponseError(messages_1.ErrorCodes.MessageWriteError, error.message ? error.message : "Unknown reason"));
              logger.error(`Sending request failed.`);
            }
          });
        },
        onRequest: (type, handler) => {
          throwIfClosedOrDisposed();
          let method = null;
          if (StarRequestHandler.is(type)) {
            method = void 0;
            starRequestHandler = type;
          } else if (Is.string(type)) {
            method = null;
            if (handler !== void 0) {
              method = type;
              requestHandlers.set(type, { handler, type: void 0 });
            }
          } else {
            if (handler !== void 0) {
              method = type.method;
              requestHandlers.set(type.method, { type, handler });
            }
          }
          return {
            dispose: () => {
              if (method === null) {
                return;
              }
              if (method !== void 0) {
                if (requestHandlers.get(method)?.handler === handler) {
                  requestHandlers.delete(method);
                }
              } else if (starRequestHandler === type) {
                starRequestHandler = void 0;
              }
            }
          };
        },
        hasPendingResponse: () => {
          return responsePromises.size > 0;
        },
        trace: async (_value, _tracer, sendNotificationOrTraceOptions) => {
          let _sendNotification = false;
          let _traceFormat = TraceFormat.Text;
          if (sendNotificationOrTraceOptions !== void 0) {
            if (Is.boolean(sendNotificationOrTraceOptions)) {
              _sendNotification = sendNotificationOrTraceOptions;
            } else {
              _sendNotification = sendNotificationOrTraceOptions.sendNotification || false;
              _traceFormat = sendNotificationOrTraceOptions.traceFormat || TraceFormat.Text;
            }
          }
          trace = _value;
          traceFormat = _traceFormat;
          if (trace === Trace.Off) {
            tracer = void 0;
          } else {
            tracer = _tracer;
          }
          if (_sendNotification && !isClosed() && !isDisposed()) {
            await connection.sendNotification(SetTraceNotification.type, { value: Trace.toString(_value) });
          }
        },
        onError: errorEmitter.event,
        onClose: closeEmitter.event,
        onUnhandledNotification: unhandledNotificationEmitter.event,
        onDispose: disposeEmitter.event,
        end: () => {
          messageWriter.end();
        },
        dispose: () => {
          if (isDisposed()) {
            return;
          }
          state = ConnectionState.Disposed;
          disposeEmitter.fire(void 0);
          const error = new messages_1.ResponseError(messages_1.ErrorCodes.PendingResponseRejected, "Pending response rejected since connection got disposed");
          for (const promise of responsePromises.values()) {
            promise.reject(error);
          }
          responsePromises = /* @__PURE__ */ new Map();
          requestTokens = /* @__PURE__ */ new Map();
          knownCanceledRequests = /* @__PURE__ */ new Set();
          messageQueue = new linkedMap_1.LinkedMap();
          if (Is.func(messageWriter.dispose)) {
            messageWriter.dispose();
          }
          if (Is.func(messageReader.dispose)) {
            messageReader.dispose();
          }
        },
        listen: () => {
          throwIfClosedOrDisposed();
          throwIfListening();
          state = ConnectionState.Listening;
          messageReader.listen(callback);
        },
        inspect: () => {
          (0, ral_1.default)().console.log("inspect");
        }
      };
      connection.onNotification(LogTraceNotification.type, (params) => {
        if (trace === Trace.Off || !tracer) {
          return;
        }
        const verbose = trace === Trace.Verbose || trace === Trace.Compact;
        tracer.log(params.message, verbose ? params.verbose : void 0);
      });
      connection.onNotification(ProgressNotification.type, async (params) => {
        const handler = progressHandlers.get(params.token);
        if (handler) {
          await handler(params.value);
        } else {
          unhandledProgressEmitter.fire(params);
        }
      });
      return connection;
    }
  }
});

// node_modules/vscode-jsonrpc/lib/common/api.js
var require_api = __commonJS({
  "node_modules/vscode-jsonrpc/lib/common/api.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ProgressType = exports.ProgressToken = exports.createMessageConnection = exports.NullLogger = exports.ConnectionOptions = exports.ConnectionStrategy = exports.AbstractMessageBuffer = exports.WriteableStreamMessageWriter = exports.AbstractMessageWriter = exports.MessageWriter = exports.ReadableStreamMessageReader = exports.AbstractMessageReader = exports.MessageReader = exports.SharedArrayReceiverStrategy = exports.SharedArraySenderStrategy = exports.CancellationToken = exports.CancellationTokenSource = exports.Emitter = exports.Event = exports.Disposable = exports.LRUCache = exports.Touch = exports.LinkedMap = exports.ParameterStructures = exports.NotificationType9 = exports.NotificationType8 = exports.NotificationType7 = exports.NotificationType6 = exports.NotificationType5 = exports.NotificationType4 = exports.NotificationType3 = exports.NotificationType2 = exports.NotificationType1 = exports.NotificationType0 = exports.NotificationType = exports.ErrorCodes = exports.ResponseError = exports.RequestType9 = exports.RequestType8 = exports.RequestType7 = exports.RequestType6 = exports.RequestType5 = exports.RequestType4 = exports.RequestType3 = exports.RequestType2 = exports.RequestType1 = exports.RequestType0 = exports.RequestType = exports.Message = exports.RAL = void 0;
    exports.MessageStrategy = exports.CancellationStrategy = exports.CancellationSenderStrategy = exports.RequestCancellationReceiverStrategy = exports.IdCancellationReceiverStrategy = exports.CancellationReceiverStrategy = exports.ConnectionError = exports.ConnectionErrors = exports.LogTraceNotification = exports.SetTraceNotification = exports.TraceFormat = exports.TraceValues = exports.TraceValue = exports.Trace = void 0;
    var messages_1 = require_messages();
    Object.defineProperty(exports, "Message", { enumerable: true, get: function() {
      return messages_1.Message;
    } });
    Object.defineProperty(exports, "RequestType", { enumerable: true, get: function() {
      return messages_1.RequestType;
    } });
    Object.defineProperty(exports, "RequestType0", { enumerable: true, get: function() {
      return messages_1.RequestType0;
    } });
    Object.defineProperty(exports, "RequestType1", { enumerable: true, get: function() {
      return messages_1.RequestType1;
    } });
    Object.defineProperty(exports, "RequestType2", { enumerable: true, get: function() {
      return messages_1.RequestType2;
    } });
    Object.defineProperty(exports, "RequestType3", { enumerable: true, get: function() {
      return messages_1.RequestType3;
    } });
    Object.defineProperty(exports, "RequestType4", { enumerable: true, get: function() {
      return messages_1.RequestType4;
    } });
    Object.defineProperty(exports, "RequestType5", { enumerable: true, get: function() {
      return messages_1.RequestType5;
    } });
    Object.defineProperty(exports, "RequestType6", { enumerable: true, get: function() {
      return messages_1.RequestType6;
    } });
    Object.defineProperty(exports, "RequestType7", { enumerable: true, get: function() {
      return messages_1.RequestType7;
    } });
    Object.defineProperty(exports, "RequestType8", { enumerable: true, get: function() {
      return messages_1.RequestType8;
    } });
    Object.defineProperty(exports, "RequestType9", { enumerable: true, get: function() {
      return messages_1.RequestType9;
    } });
    Object.defineProperty(exports, "ResponseError", { enumerable: true, get: function() {
      return messages_1.ResponseError;
    } });
    Object.defineProperty(exports, "ErrorCodes", { enumerable: true, get: function() {
      return messages_1.ErrorCodes;
    } });
    Object.defineProperty(exports, "NotificationType", { enumerable: true, get: function() {
      return messages_1.NotificationType;
    } });
    Object.defineProperty(exports, "NotificationType0", { enumerable: true, get: function() {
      return messages_1.NotificationType0;
    } });
    Object.defineProperty(exports, "NotificationType1", { enumerable: true, get: function() {
      return messages_1.NotificationType1;
    } });
    Object.defineProperty(exports, "NotificationType2", { enumerable: true, get: function() {
      return messages_1.NotificationType2;
    } });
    Object.defineProperty(exports, "NotificationType3", { enumerable: true, get: function() {
      return messages_1.NotificationType3;
    } });
    Object.defineProperty(exports, "NotificationType4", { enumerable: true, get: function() {
      return messages_1.NotificationType4;
    } });
    Object.defineProperty(exports, "NotificationType5", { enumerable: true, get: function() {
      return messages_1.NotificationType5;
    } });
    Object.defineProperty(exports, "NotificationType6", { enumerable: true, get: function() {
      return messages_1.NotificationType6;
    } });
    Object.defineProperty(exports, "NotificationType7", { enumerable: true, get: function() {
      return messages_1.NotificationType7;
    } });
    Object.defineProperty(exports, "NotificationType8", { enumerable: true, get: function() {
      return messages_1.NotificationType8;
    } });
    Object.defineProperty(exports, "NotificationType9", { enumerable: true, get: function() {
      return messages_1.NotificationType9;
    } });
    Object.defineProperty(exports, "ParameterStructures", { enumerable: true, get: function() {
      return messages_1.ParameterStructures;
    } });
    var linkedMap_1 = require_linkedMap();
    Object.defineProperty(exports, "LinkedMap", { enumerable: true, get: function() {
      return linkedMap_1.LinkedMap;
    } });
    Object.defineProperty(exports, "LRUCache", { enumerable: true, get: function() {
      return linkedMap_1.LRUCache;
    } });
    Object.defineProperty(exports, "Touch", { enumerable: true, get: function() {
      return linkedMap_1.Touch;
    } });
    var disposable_1 = require_disposable();
    Object.defineProperty(exports, "Disposable", { enumerable: true, get: function() {
      return disposable_1.Disposable;
    } });
    var events_1 = require_events();
    Object.defineProperty(exports, "Event", { enumerable: true, get: function() {
      return events_1.Event;
    } });
    Object.defineProperty(exports, "Emitter", { enumerable: true, get: function() {
      return events_1.Emitter;
    } });
    var cancellation_1 = require_cancellation();
    Object.defineProperty(exports, "CancellationTokenSource", { enumerable: true, get: function() {
      return cancellation_1.CancellationTokenSource;
    } });
    Object.defineProperty(exports, "CancellationToken", { enumerable: true, get: function() {
      return cancellation_1.CancellationToken;
    } });
    var sharedArrayCancellation_1 = require_sharedArrayCancellation();
    Object.defineProperty(exports, "SharedArraySenderStrategy", { enumerable: true, get: function() {
      return sharedArrayCancellation_1.SharedArraySenderStrategy;
    } });
    Object.defineProperty(exports, "SharedArrayReceiverStrategy", { enumerable: true, get: function() {
      return sharedArrayCancellation_1.SharedArrayReceiverStrategy;
    } });
    var messageReader_1 = require_messageReader();
    Object.defineProperty(exports, "MessageReader", { enumerable: true, get: function() {
      return messageReader_1.MessageReader;
    } });
    Object.defineProperty(exports, "AbstractMessageReader", { enumerable: true, get: function() {
      return messageReader_1.AbstractMessageReader;
    } });
    Object.defineProperty(exports, "ReadableStreamMessageReader", { enumerable: true, get: function() {
      return messageReader_1.ReadableStreamMessageReader;
    } });
    var messageWriter_1 = require_messageWriter();
    Object.defineProperty(exports, "MessageWriter", { enumerable: true, get: function() {
      return messageWriter_1.MessageWriter;
    } });
    Object.defineProperty(exports, "AbstractMessageWriter", { enumerable: true, get: function() {
      return messageWriter_1.AbstractMessageWriter;
    } });
    Object.defineProperty(exports, "WriteableStreamMessageWriter", { enumerable: true, get: function() {
      return messageWriter_1.WriteableStreamMessageWriter;
    } });
    var messageBuffer_1 = require_messageBuffer();
    Object.defineProperty(exports, "AbstractMessageBuffer", { enumerable: true, get: function() {
      return messageBuffer_1.AbstractMessageBuffer;
    } });
    var connection_1 = require_connection();
    Object.defineProperty(exports, "ConnectionStrategy", { enumerable: true, get: function() {
      return connection_1.ConnectionStrategy;
    } });
    Object.defineProperty(exports, "ConnectionOptions", { enumerable: true, get: function() {
      return connection_1.ConnectionOptions;
    } });
    Object.defineProperty(exports, "NullLogger", { enumerable: true, get: function() {
      return connection_1.NullLogger;
    } });
    Object.defineProperty(exports, "createMessageConnection", { enumerable: true, get: function() {
      return connection_1.createMessageConnection;
    } });
    Object.defineProperty(exports, "ProgressToken", { enumerable: true, get: function() {
      return connection_1.ProgressToken;
    } });
    Object.defineProperty(exports, "ProgressType", { enumerable: true, get: function() {
      return connection_1.ProgressType;
    } });
    Object.defineProperty(exports, "Trace", { enumerable: true, get: function() {
      return connection_1.Trace;
    } });
    Object.defineProperty(exports, "TraceValue", { enumerable: true, get: function() {
      return connection_1.TraceValue;
    } });
    Object.defineProperty(exports, "TraceFormat", { enumerable: true, get: function() {
      return connection_1.TraceFormat;
    } });
    Object.defineProperty(exports, "SetTraceNotification", { enumerable: true, get: function() {
      return connection_1.SetTraceNotification;
    } });
    Object.defineProperty(exports, "LogTraceNotification", { enumerable: true, get: function() {
      return connection_1.LogTraceNotification;
    } });
    Object.defineProperty(exports, "ConnectionErrors", { enumerable: true, get: function() {
      return connection_1.ConnectionErrors;
    } });
    Object.defineProperty(exports, "ConnectionError", { enumerable: true, get: function() {
      return connection_1.ConnectionError;
    } });
    Object.defineProperty(exports, "CancellationReceiverStrategy", { enumerable: true, get: function() {
      return connection_1.CancellationReceiverStrategy;
    } });
    Object.defineProperty(exports, "IdCancellationReceiverStrategy", { enumerable: true, get: function() {
      return connection_1.IdCancellationReceiverStrategy;
    } });
    Object.defineProperty(exports, "RequestCancellationReceiverStrategy", { enumerable: true, get: function() {
      return connection_1.RequestCancellationReceiverStrategy;
    } });
    Object.defineProperty(exports, "CancellationSenderStrategy", { enumerable: true, get: function() {
      return connection_1.CancellationSenderStrategy;
    } });
    Object.defineProperty(exports, "CancellationStrategy", { enumerable: true, get: function() {
      return connection_1.CancellationStrategy;
    } });
    Object.defineProperty(exports, "MessageStrategy", { enumerable: true, get: function() {
      return connection_1.MessageStrategy;
    } });
    Object.defineProperty(exports, "TraceValues", { enumerable: true, get: function() {
      return connection_1.TraceValues;
    } });
    var ral_1 = __importDefault(require_ral());
    exports.RAL = ral_1.default;
  }
});

// node_modules/vscode-jsonrpc/lib/node/ril.js
var require_ril = __commonJS({
  "node_modules/vscode-jsonrpc/lib/node/ril.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var util_1 = __require("util");
    var crypto_1 = __require("crypto");
    var api_1 = require_api();
    var MessageBuffer = class _MessageBuffer extends api_1.AbstractMessageBuffer {
      static emptyBuffer = Buffer.allocUnsafe(0);
      constructor(encoding = "utf-8") {
        super(encoding);
      }
      emptyBuffer() {
        return _MessageBuffer.emptyBuffer;
      }
      fromString(value, encoding) {
        return Buffer.from(value, encoding);
      }
      toString(value, encoding) {
        if (value instanceof Buffer) {
          return value.toString(encoding);
        } else {
          return new util_1.TextDecoder(encoding).decode(value);
        }
      }
      asNative(buffer, length) {
        if (length === void 0) {
          return buffer instanceof Buffer ? buffer : Buffer.from(buffer);
        } else {
          return buffer instanceof Buffer ? buffer.slice(0, length) : Buffer.from(buffer.subarray(0, length));
        }
      }
      allocNative(length) {
        return Buffer.allocUnsafe(length);
      }
    };
    var ReadableStreamWrapper = class {
      stream;
      constructor(stream) {
        this.stream = stream;
      }
      onClose(listener) {
        this.stream.on("close", listener);
        return api_1.Disposable.create(() => this.stream.off("close", listener));
      }
      onError(listener) {
        this.stream.on("error", listener);
        return api_1.Disposable.create(() => this.stream.off("error", listener));
      }
      onEnd(listener) {
        this.stream.on("end", listener);
        return api_1.Disposable.create(() => this.stream.off("end", listener));
      }
      onData(listener) {
        this.stream.on("data", listener);
        return api_1.Disposable.create(() => this.stream.off("data", listener));
      }
    };
    var WritableStreamWrapper = class {
      stream;
      constructor(stream) {
        this.stream = stream;
      }
      onClose(listener) {
        this.stream.on("close", listener);
        return api_1.Disposable.create(() => this.stream.off("close", listener));
      }
      onError(listener) {
        this.stream.on("error", listener);
        return api_1.Disposable.create(() => this.stream.off("error", listener));
      }
      onEnd(listener) {
        this.stream.on("end", listener);
        return api_1.Disposable.create(() => this.stream.off("end", listener));
      }
      write(data, encoding) {
        return new Promise((resolve6, reject) => {
          const callback = (error) => {
            if (error === void 0 || error === null) {
              resolve6();
            } else {
              reject(error);
            }
          };
          if (typeof data === "string") {
            this.stream.write(data, encoding, callback);
          } else {
            this.stream.write(data, callback);
          }
        });
      }
      end() {
        this.stream.end();
      }
    };
    var _ril = Object.freeze({
      crypto: Object.freeze({
        randomUUID: () => (0, crypto_1.randomUUID)()
      }),
      messageBuffer: Object.freeze({
        create: (encoding) => new MessageBuffer(encoding)
      }),
      applicationJson: Object.freeze({
        encoder: Object.freeze({
          name: "application/json",
          encode: (msg, options) => {
            try {
              return Promise.resolve(Buffer.from(JSON.stringify(msg, void 0, 0), options.charset));
            } catch (err3) {
              return Promise.reject(err3);
            }
          }
        }),
        decoder: Object.freeze({
          name: "application/json",
          decode: (buffer, options) => {
            try {
              if (buffer instanceof Buffer) {
                return Promise.resolve(JSON.parse(buffer.toString(options.charset)));
              } else {
                return Promise.resolve(JSON.parse(new util_1.TextDecoder(options.charset).decode(buffer)));
              }
            } catch (err3) {
              return Promise.reject(err3);
            }
          }
        })
      }),
      stream: Object.freeze({
        asReadableStream: (stream) => new ReadableStreamWrapper(stream),
        asWritableStream: (stream) => new WritableStreamWrapper(stream)
      }),
      console,
      timer: Object.freeze({
        setTimeout(callback, ms, ...args) {
          const handle = setTimeout(callback, ms, ...args);
          return { dispose: () => clearTimeout(handle) };
        },
        setImmediate(callback, ...args) {
          const handle = setImmediate(callback, ...args);
          return { dispose: () => clearImmediate(handle) };
        },
        setInterval(callback, ms, ...args) {
          const handle = setInterval(callback, ms, ...args);
          return { dispose: () => clearInterval(handle) };
        }
      })
    });
    function RIL() {
      return _ril;
    }
    (function(RIL2) {
      function install() {
        api_1.RAL.install(_ril);
      }
      RIL2.install = install;
    })(RIL || (RIL = {}));
    exports.default = RIL;
  }
});

// node_modules/vscode-jsonrpc/lib/node/main.js
var require_main = __commonJS({
  "node_modules/vscode-jsonrpc/lib/node/main.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || /* @__PURE__ */ (function() {
      var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function(o2) {
          var ar = [];
          for (var k in o2) if (Object.prototype.hasOwnProperty.call(o2, k)) ar[ar.length] = k;
          return ar;
        };
        return ownKeys(o);
      };
      return function(mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) {
          for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        }
        __setModuleDefault(result, mod);
        return result;
      };
    })();
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.StreamMessageWriter = exports.StreamMessageReader = exports.SocketMessageWriter = exports.SocketMessageReader = exports.PortMessageWriter = exports.PortMessageReader = exports.IPCMessageWriter = exports.IPCMessageReader = void 0;
    exports.generateRandomPipeName = generateRandomPipeName;
    exports.createClientPipeTransport = createClientPipeTransport;
    exports.createServerPipeTransport = createServerPipeTransport;
    exports.createClientSocketTransport = createClientSocketTransport;
    exports.createServerSocketTransport = createServerSocketTransport;
    exports.createMessageConnection = createMessageConnection2;
    var ril_1 = __importDefault(require_ril());
    ril_1.default.install();
    var path = __importStar(__require("path"));
    var os = __importStar(__require("os"));
    var fs = __importStar(__require("fs"));
    var crypto_1 = __require("crypto");
    var net_1 = __require("net");
    var api_1 = require_api();
    __exportStar(require_api(), exports);
    var IPCMessageReader = class extends api_1.AbstractMessageReader {
      process;
      constructor(process2) {
        super();
        this.process = process2;
        const eventEmitter = this.process;
        eventEmitter.on("error", (error) => this.fireError(error));
        eventEmitter.on("close", () => this.fireClose());
      }
      listen(callback) {
        this.process.on("message", callback);
        return api_1.Disposable.create(() => this.process.off("message", callback));
      }
    };
    exports.IPCMessageReader = IPCMessageReader;
    var IPCMessageWriter = class extends api_1.AbstractMessageWriter {
      process;
      errorCount;
      constructor(process2) {
        super();
        this.process = process2;
        this.errorCount = 0;
        const eventEmitter = this.process;
        eventEmitter.on("error", (error) => this.fireError(error));
        eventEmitter.on("close", () => this.fireClose());
      }
      write(msg) {
        try {
          if (typeof this.process.send === "function") {
            this.process.send(msg, void 0, void 0, (error) => {
              if (error) {
                this.errorCount++;
                this.handleError(error, msg);
              } else {
                this.errorCount = 0;
              }
            });
          }
          return Promise.resolve();
        } catch (error) {
          this.handleError(error, msg);
          return Promise.reject(error);
        }
      }
      handleError(error, msg) {
        this.errorCount++;
        this.fireError(error, msg, this.errorCount);
      }
      end() {
      }
    };
    exports.IPCMessageWriter = IPCMessageWriter;
    var PortMessageReader = class extends api_1.AbstractMessageReader {
      onData;
      constructor(port) {
        super();
        this.onData = new api_1.Emitter();
        port.on("close", () => this.fireClose());
        port.on("error", (error) => this.fireError(error));
        port.on("message", (message) => {
          this.onData.fire(message);
        });
      }
      listen(callback) {
        return this.onData.event(callback);
      }
    };
    exports.PortMessageReader = PortMessageReader;
    var PortMessageWriter = class extends api_1.AbstractMessageWriter {
      port;
      errorCount;
      constructor(port) {
        super();
        this.port = port;
        this.errorCount = 0;
        port.on("close", () => this.fireClose());
        port.on("error", (error) => this.fireError(error));
      }
      write(msg) {
        try {
          this.port.postMessage(msg);
          return Promise.resolve();
        } catch (error) {
          this.handleError(error, msg);
          return Promise.reject(error);
        }
      }
      handleError(error, msg) {
        this.errorCount++;
        this.fireError(error, msg, this.errorCount);
      }
      end() {
      }
    };
    exports.PortMessageWriter = PortMessageWriter;
    var SocketMessageReader = class extends api_1.ReadableStreamMessageReader {
      constructor(socket, encoding = "utf-8") {
        super((0, ril_1.default)().stream.asReadableStream(socket), encoding);
      }
    };
    exports.SocketMessageReader = SocketMessageReader;
    var SocketMessageWriter = class extends api_1.WriteableStreamMessageWriter {
      socket;
      constructor(socket, options) {
        super((0, ril_1.default)().stream.asWritableStream(socket), options);
        this.socket = socket;
      }
      dispose() {
        super.dispose();
        this.socket.destroy();
      }
    };
    exports.SocketMessageWriter = SocketMessageWriter;
    var StreamMessageReader2 = class extends api_1.ReadableStreamMessageReader {
      constructor(readable, encoding) {
        super((0, ril_1.default)().stream.asReadableStream(readable), encoding);
      }
    };
    exports.StreamMessageReader = StreamMessageReader2;
    var StreamMessageWriter2 = class extends api_1.WriteableStreamMessageWriter {
      constructor(writable, options) {
        super((0, ril_1.default)().stream.asWritableStream(writable), options);
      }
    };
    exports.StreamMessageWriter = StreamMessageWriter2;
    var XDG_RUNTIME_DIR = process.env["XDG_RUNTIME_DIR"];
    var safeIpcPathLengths = /* @__PURE__ */ new Map([
      ["linux", 107],
      ["darwin", 102]
    ]);
    function generateRandomPipeName() {
      if (process.platform === "win32") {
        return `\\\\.\\pipe\\lsp-${(0, crypto_1.randomBytes)(16).toString("hex")}-sock`;
      }
      let randomLength = 32;
      const fixedLength = "/lsp-.sock".length;
      const tmpDir = fs.realpathSync(XDG_RUNTIME_DIR ?? os.tmpdir());
      const limit = safeIpcPathLengths.get(process.platform);
      if (limit !== void 0) {
        randomLength = Math.min(limit - tmpDir.length - fixedLength, randomLength);
      }
      if (randomLength < 16) {
        throw new Error(`Unable to generate a random pipe name with ${randomLength} characters.`);
      }
      const randomSuffix = (0, crypto_1.randomBytes)(Math.floor(randomLength / 2)).toString("hex");
      return path.join(tmpDir, `lsp-${randomSuffix}.sock`);
    }
    function createClientPipeTransport(pipeName, encoding = "utf-8") {
      let connectResolve;
      const connected = new Promise((resolve6, _reject) => {
        connectResolve = resolve6;
      });
      return new Promise((resolve6, reject) => {
        const server = (0, net_1.createServer)((socket) => {
          server.close();
          connectResolve([
            new SocketMessageReader(socket, encoding),
            new SocketMessageWriter(socket, encoding)
          ]);
        });
        server.on("error", reject);
        server.listen(pipeName, () => {
          server.removeListener("error", reject);
          resolve6({
            onConnected: () => {
              return connected;
            },
            close: () => {
              server.close();
            }
          });
        });
      });
    }
    function createServerPipeTransport(pipeName, encoding = "utf-8") {
      const socket = (0, net_1.createConnection)(pipeName);
      return [
        new SocketMessageReader(socket, encoding),
        new SocketMessageWriter(socket, encoding)
      ];
    }
    function createClientSocketTransport(port, encoding = "utf-8") {
      let connectResolve;
      const connected = new Promise((resolve6, _reject) => {
        connectResolve = resolve6;
      });
      return new Promise((resolve6, reject) => {
        const server = (0, net_1.createServer)((socket) => {
          server.close();
          connectResolve([
            new SocketMessageReader(socket, encoding),
            new SocketMessageWriter(socket, encoding)
          ]);
        });
        server.on("error", reject);
        server.listen(port, "127.0.0.1", () => {
          server.removeListener("error", reject);
          const address = server.address();
          if (address === null || typeof address === "string") {
            reject(new Error(`Unexpected server address: ${address}`));
            return;
          }
          const boundPort = address.port;
          resolve6({
            port: () => boundPort,
            onConnected: () => {
              return connected;
            },
            close: () => {
              server.close();
            }
          });
        });
      });
    }
    function createServerSocketTransport(port, encoding = "utf-8") {
      const socket = (0, net_1.createConnection)(port, "127.0.0.1");
      return [
        new SocketMessageReader(socket, encoding),
        new SocketMessageWriter(socket, encoding)
      ];
    }
    function isReadableStream(value) {
      const candidate = value;
      return candidate.read !== void 0 && candidate.addListener !== void 0;
    }
    function isWritableStream(value) {
      const candidate = value;
      return candidate.write !== void 0 && candidate.addListener !== void 0;
    }
    function createMessageConnection2(input, output, logger, options) {
      if (!logger) {
        logger = api_1.NullLogger;
      }
      const reader = isReadableStream(input) ? new StreamMessageReader2(input) : input;
      const writer = isWritableStream(output) ? new StreamMessageWriter2(output) : output;
      if (api_1.ConnectionStrategy.is(options)) {
        options = { connectionStrategy: options };
      }
      return (0, api_1.createMessageConnection)(reader, writer, logger, options);
    }
  }
});

// server/src/languageService.ts
import { basename as basename11, dirname as dirname10, resolve as resolve5 } from "node:path";
import { existsSync as existsSync5, realpathSync as realpathSync4 } from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// server/src/services/document.ts
init_parser();
init_fileKind();

// server/src/services/model.ts
init_fileKind();
function analyse(doc, file) {
  const dialect = dialectOfFile(file);
  const allowed = dialect?.sections ?? [];
  const sections = [];
  const entries = [];
  for (const s of doc.sections) {
    let status;
    if (!s.header) status = dialect?.sectionless ? "ok" : "none";
    else if (!s.header.wellFormed) status = "broken";
    else if (allowed.includes(s.header.name)) status = "ok";
    else if (s.header.name.startsWith("X-")) status = "extension";
    else status = "unknown";
    const as = { section: s, status };
    sections.push(as);
    for (const node of s.assignments) {
      const extension = status === "ok" && node.key.startsWith("X-");
      const sectionName = s.header ? s.name : "";
      const info = status === "ok" && dialect && (sectionName || dialect.sectionless) ? dialect.lookup(sectionName ?? "", node.key) : void 0;
      entries.push({ node, section: as, info, extension });
    }
  }
  return { doc, file, dialect, unitType: unitTypeOf(file), allowedSections: allowed, sections, entries };
}

// server/src/services/document.ts
function createDocument(path, text, file = fileKindOf(path, text)) {
  const tree = parseUnit(text);
  return { path, text, file, tree, analysis: analyse(tree, file) };
}

// server/src/services/diagnostics.ts
init_catalog();

// server/src/services/codes.ts
init_fixes();
var BASE_CODES = {
  // Stage 1: syntax (from the parser)
  "invalid-section-header": {
    severity: "error",
    doc: "A section header without its closing bracket or with bad characters; systemd refuses the file."
  },
  "missing-equals": {
    severity: "error",
    doc: "A line that is neither a section header, a comment nor Key=Value; systemd ignores it."
  },
  "missing-key": { severity: "error", doc: "A line starting with '='; systemd ignores it." },
  "include-unsupported": { severity: "error", doc: "'.include' was removed from systemd; the line is ignored." },
  "invalid-utf8": { severity: "warning", doc: "Bytes that are not valid UTF-8." },
  "nul-byte": { severity: "error", doc: "A NUL byte; systemd ends the line there." },
  "line-too-long": { severity: "error", doc: "A line over 1 MiB; systemd refuses the file." },
  "continuation-at-eof": { severity: "info", doc: "The last line ends with a continuation backslash." },
  // Stage 2: structure
  "assignment-outside-section": {
    severity: "error",
    doc: "An assignment before the first section header; systemd ignores it."
  },
  "unknown-section": {
    severity: "error",
    doc: "A section this file type does not have; systemd ignores all of it (X- sections are allowed)."
  },
  "unknown-directive": {
    severity: "error",
    doc: "A directive systemd does not know in this section; it is ignored (X- keys are allowed)."
  },
  "directive-wrong-section": {
    severity: "error",
    doc: "A directive that belongs to another section; systemd ignores it here."
  },
  "directive-wrong-unit-type": { severity: "error", doc: "A directive this unit type does not support." },
  "newer-than-target": { severity: "error", doc: "A directive the target systemd version does not know yet." },
  "deprecated-directive": { severity: "warning", tag: "deprecated", doc: "A deprecated directive that still works." },
  "renamed-directive": {
    severity: "warning",
    tag: "deprecated",
    doc: "An old spelling of a directive that has a new name."
  },
  "ignored-directive": {
    severity: "warning",
    tag: "unnecessary",
    doc: "A directive systemd accepts but ignores (a compatibility stub)."
  },
  "moved-directive": {
    severity: "warning",
    doc: "A compatibility copy of a directive that now lives in another section."
  },
  "duplicate-directive": {
    severity: "warning",
    tag: "unnecessary",
    doc: "A single-valued directive set more than once; only one assignment takes effect."
  },
  "empty-reset-ignored": {
    severity: "warning",
    tag: "unnecessary",
    doc: "An empty assignment to a list that cannot be reset (After=, Wants=\u2026); it does nothing."
  },
  // Stage 3: values
  "invalid-value": { severity: "error", doc: "A value systemd cannot parse for this directive." },
  "unknown-specifier": { severity: "error", doc: "A % specifier systemd does not know here." },
  "deprecated-specifier": {
    severity: "warning",
    tag: "deprecated",
    doc: "A % specifier that still works but is deprecated."
  },
  "specifier-too-new": {
    severity: "error",
    doc: 'A % specifier the target systemd version does not know yet: that version refuses the value ("Invalid slot").'
  },
  "value-newer-than-target": {
    severity: "error",
    doc: "An enum value the target systemd version does not know yet (Type=notify-reload before 253); that version ignores the line."
  },
  "deprecated-value": {
    severity: "warning",
    tag: "deprecated",
    doc: "A value that still works but is deprecated or has a new spelling."
  },
  "unknown-capability": { severity: "warning", doc: "A capability name systemd does not know; it drops it silently." },
  "condition-never-met": {
    severity: "warning",
    doc: "A condition value systemd cannot evaluate: the condition counts as failed."
  },
  // Stage 4: the unit as a whole
  "service-missing-exec-start": {
    severity: "error",
    doc: "A service systemd refuses for lack of ExecStart= (or ExecStop=/SuccessAction= for oneshot)."
  },
  "service-multiple-exec-start": {
    severity: "error",
    doc: "More than one ExecStart= outside Type=oneshot; systemd refuses the unit."
  },
  "service-invalid-combination": {
    severity: "error",
    doc: "Settings that systemd refuses together (Type=oneshot with Restart=always, Type=dbus without BusName=)."
  },
  "service-setting-ignored": {
    severity: "warning",
    tag: "unnecessary",
    doc: "A service setting systemd drops with a warning when it loads the unit (RuntimeMaxSec= on Type=oneshot, USBFunctionDescriptors= without USBFunctionStrings=)."
  },
  "timer-missing-trigger": {
    severity: "error",
    doc: "A timer with no trigger (OnCalendar=, OnBootSec=, \u2026 or OnClockChange=/OnTimezoneChange=yes); systemd refuses the unit."
  },
  "socket-missing-listen": { severity: "error", doc: "A socket unit with no Listen*= port; systemd refuses the unit." },
  "socket-accept-conflict": {
    severity: "error",
    doc: "Accept=yes with a port that cannot accept connections, MaxConnections=0 or an explicit Service=; systemd refuses the unit."
  },
  "socket-symlinks-target": {
    severity: "error",
    doc: "Symlinks= on a socket unit without exactly one FIFO or Unix socket path to point to; systemd refuses the unit."
  },
  "path-missing-watch": {
    severity: "error",
    doc: "A path unit with nothing to watch (no PathExists=, PathChanged=, \u2026); systemd refuses the unit."
  },
  "unit-name-path-mismatch": {
    severity: "error",
    doc: "A mount, automount or swap unit whose file name is not the escaped Where=/What= path; systemd refuses the unit."
  },
  "mount-missing-what": { severity: "error", doc: "A mount unit without What=; systemd refuses the unit." },
  "mount-api-path": {
    severity: "error",
    doc: "A mount unit for an API file system systemd mounts itself (/proc, /sys, /dev, /run\u2026), or an automount for /; systemd refuses the unit."
  },
  "slice-invalid-name": {
    severity: "error",
    doc: "A slice whose name is not valid (a template, or a leading, trailing or double '-'); systemd cannot load it."
  },
  "pam-kill-mode": {
    severity: "error",
    doc: "PAMName= with a KillMode= that leaves processes outside the session; systemd refuses the unit."
  },
  "on-failure-isolate": {
    severity: "error",
    doc: "OnFailureJobMode=isolate with more than one OnFailure= unit; systemd refuses the unit."
  },
  // The other dialects as a whole (networkd, daemon configs…: services/rules/dialectFile.ts)
  "file-ignored-no-match": {
    severity: "error",
    doc: "A .network or .link file with no setting in [Match]: systemd ignores the whole file (Name=* or OriginalName=* matches everything)."
  },
  "file-missing-required-key": {
    severity: "error",
    doc: "A file without a key it needs (a .netdev without Kind= or Name=, a VXLAN without VNI=\u2026): systemd ignores the whole file."
  },
  "section-wrong-kind": {
    severity: "error",
    doc: "A .netdev section for another Kind= ([VLAN] in a Kind=dummy file): systemd ignores the whole section."
  },
  "section-object-incomplete": {
    severity: "error",
    doc: "A repeatable section ([Address], [Route]\u2026) without the key it needs: systemd drops that section."
  },
  "section-repeated": {
    severity: "info",
    doc: "A section that is not repeatable written twice: its settings merge as if written in the first one."
  },
  // Drop-ins checked against the unit they apply to
  "dropin-missing-reset": {
    severity: "error",
    doc: "A drop-in adds a second ExecStart= to a service that is not oneshot; systemd refuses the unit. Reset with an empty ExecStart= first."
  },
  "dropin-no-change": {
    severity: "warning",
    tag: "unnecessary",
    doc: "A drop-in assignment that sets what the unit already has."
  },
  "dropin-unknown-unit": { severity: "warning", doc: "A drop-in in a unit folder for a unit that does not exist." },
  "dropin-list-append": {
    severity: "info",
    doc: "A drop-in line that adds to a list the vendor's unit already has (OnCalendar=, ExecStartPre=, Environment=\u2026); the vendor's entries stay. Reset with an empty assignment first to replace them."
  },
  "vendor-modified": {
    severity: "warning",
    doc: "A vendor unit file that differs from what its package or repository shipped; a package upgrade replaces it. Move the change to a drop-in."
  },
  "empty-value-ignored": {
    severity: "warning",
    doc: "An empty assignment that systemd refuses instead of resetting to the default (the parser has no empty case); the earlier value stays."
  },
  // Beyond systemd: hardware watchdog, service watchdog, socket activation hints
  "watchdog-out-of-range": {
    severity: "warning",
    doc: "A hardware watchdog timeout the driver refuses: systemd then leaves the watchdog disarmed."
  },
  "service-watchdog-without-notify": {
    severity: "info",
    doc: "A reminder on WatchdogSec= of a service that is not Type=notify: the program itself must send WATCHDOG=1 in time, or systemd stops it as hung."
  },
  "fd-hint-syntax": {
    severity: "warning",
    doc: "A FileDescriptorName= socket hint that is not socket(DOMAIN,TYPE,PROTOCOL)=N."
  },
  "fd-hint-invalid": {
    severity: "warning",
    doc: "A socket hint whose domain, type and protocol Linux does not accept together."
  },
  "fd-hint-mismatch": { severity: "warning", doc: "A socket hint that does not match the unit's Listen*= socket." },
  "fd-hint-duplicate": { severity: "warning", doc: "Two socket units feeding the same service with the same hint." },
  "fd-hint-no-preload": {
    severity: "info",
    doc: "A service fed by hinted sockets without LD_PRELOAD in its environment."
  },
  // Limits
  "file-too-large": { severity: "error", doc: "A file over the size limit (4 MiB): it is not analysed." },
  "too-many-problems": {
    severity: "info",
    doc: "The per-file limit of diagnostics was reached; the rest are not shown."
  },
  "user-nobody": {
    severity: "warning",
    doc: "User=nobody shares its identity with unrelated processes; use DynamicUser= or a dedicated user."
  },
  // Mistakes systemd does not catch
  "exec-shell-syntax": {
    severity: "warning",
    doc: "Shell syntax in an Exec*= line (a redirection, pipe, &&, ||, ~, a glob): systemd runs no shell, so the program gets it as a literal argument."
  },
  "environment-variable-reference": {
    severity: "warning",
    doc: "A $VAR in Environment=: systemd does not expand variables there, so the value holds the text $VAR."
  },
  "inline-comment": {
    severity: "warning",
    doc: "A '#' after a value: only a line starting with '#' or ';' is a comment, so the text belongs to the value."
  },
  "network-online-without-wants": {
    severity: "warning",
    doc: "After=network-online.target without Wants=network-online.target: After= only orders, so the unit may start before the network is up."
  },
  // Podman Quadlet (services/rules/quadlet.ts): what podman's generator refuses or warns about when it converts a file
  "quadlet-conversion-error": {
    severity: "error",
    doc: "A Quadlet file podman's generator refuses when it converts it (Image= and Rootfs= together, Gateway= without Subnet=, ReloadCmd= with ReloadSignal=, RemapUsers=manual in a .kube, a bad ExposeHostPort=\u2026): no unit is generated."
  },
  "quadlet-unknown-reference": {
    severity: "error",
    doc: "A reference to a Quadlet file podman does not see (Pod=foo.pod, Network=foo.network, Volume=foo.volume:/data, Image=foo.image, After=foo.container\u2026): the generator fails and no unit is generated."
  },
  "quadlet-newer-than-podman": {
    severity: "error",
    doc: "A Quadlet key or file type newer than the target podman (systemd.podmanVersion): that podman refuses it as unsupported, and no unit is generated."
  },
  "quadlet-service-setting": {
    severity: "warning",
    doc: "A [Service] setting of a Quadlet file that podman warns about (User=, Group=, DynamicUser=) or that Quadlet overwrites (a pod's Type=/Restart=)."
  },
  "quadlet-boolean-false": {
    severity: "warning",
    doc: "A boolean systemd reads as true (y, t) but Quadlet reads as false: in Quadlet sections only 1, yes, true and on are true."
  },
  "quadlet-short-image-name": {
    severity: "warning",
    doc: "An image without a registry (nginx instead of docker.io/library/nginx): podman warns, and the name is resolved through registries.conf, which may be ambiguous."
  },
  "timer-unit-missing": {
    severity: "warning",
    doc: "A timer whose unit (Unit=, or the service of the same name) is not installed where the timer is; systemd refuses to start the timer."
  }
};
var HARDENING_CODES = Object.fromEntries(
  HARDENING_CHECKS.map((c) => [
    c.code,
    {
      severity: "hint",
      doc: `The exposure check ${c.id} of systemd-analyze security fails: ${c.bad} (passing: ${c.good}). Only reported when systemd.hardening.diagnostics is on.`
    }
  ])
);
var CODES = { ...BASE_CODES, ...HARDENING_CODES };
function defaultSeverity(code) {
  return CODES[code]?.severity ?? "error";
}

// server/src/parser/ast.ts
var PARSE_PROBLEM_CODES = [
  "invalid-section-header",
  "missing-equals",
  "missing-key",
  "include-unsupported",
  "invalid-utf8",
  "nul-byte",
  "line-too-long",
  "continuation-at-eof"
];

// server/src/services/rules/syntax.ts
var NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;
function within(spans, at2) {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const s = spans[mid];
    if (at2 < s.start) hi = mid - 1;
    else if (at2 >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}
var syntaxRule = {
  stage: 1,
  name: "syntax",
  codes: PARSE_PROBLEM_CODES,
  run(ctx) {
    const doc = ctx.analysis.doc;
    const read = [];
    const comments = [];
    for (const s of doc.sections) {
      if (s.header) read.push(s.header);
      for (const a of s.assignments) {
        read.push(a);
        comments.push(...a.innerComments);
      }
      for (const l of s.invalidLines) read.push(l);
    }
    read.sort((a, b) => a.start - b.start);
    comments.sort((a, b) => a.start - b.start);
    const inRead = (at2) => within(read, at2) && !within(comments, at2);
    for (const p of doc.problems) {
      if (p.code === "invalid-utf8" && inRead(p.start)) {
        ctx.report({
          start: p.start,
          end: p.end,
          code: p.code,
          severity: "error",
          message: `${p.message} systemd ignores this line and then refuses to load the unit.`
        });
      } else {
        ctx.report({ start: p.start, end: p.end, code: p.code, message: p.message });
      }
    }
    for (const m of doc.text.matchAll(NONCHARACTER)) {
      const at2 = m.index ?? 0;
      if (!inRead(at2)) continue;
      const cp = m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
      ctx.report({
        start: at2,
        end: at2 + m[0].length,
        code: "invalid-utf8",
        severity: "error",
        message: `U+${cp} is a noncharacter, which systemd does not accept as UTF-8: it ignores this line and then refuses to load the unit.`
      });
    }
  }
};

// server/src/services/rules/sections.ts
init_suggest();
init_dialects();
var sectionsRule = {
  stage: 2,
  name: "sections",
  codes: ["assignment-outside-section", "unknown-section"],
  run(ctx) {
    const { analysis } = ctx;
    const fileDesc = describeFile(analysis.file);
    for (const s of analysis.sections) {
      const header = s.section.header;
      if (s.status === "none") {
        for (const e of analysis.entries) {
          if (e.section !== s) continue;
          ctx.report(
            {
              start: e.node.keySpan.start,
              end: e.node.valueSpan.end,
              code: "assignment-outside-section",
              message: `'${e.node.key}=' comes before any section header; systemd ignores it. Put it under ${analysis.allowedSections.map((n) => `[${n}]`).join(", ") || "a section"}.`
            },
            e
          );
        }
      } else if (s.status === "unknown" && header) {
        const name = header.name;
        const suggestions = suggest(name, analysis.allowedSections);
        const known = analysis.dialect?.knownSections().includes(name) ?? false;
        const why2 = known ? `[${name}] is not a section of ${fileDesc}` : `Unknown section [${name}]`;
        const hint = suggestions.length ? ` Did you mean [${suggestions[0]}]?` : ` ${fileDesc[0].toUpperCase()}${fileDesc.slice(1)} takes ${analysis.allowedSections.map((n) => `[${n}]`).join(", ")}.`;
        ctx.report({
          start: header.nameSpan.start,
          end: header.nameSpan.end,
          code: "unknown-section",
          message: `${why2}; systemd ignores the whole section.${hint}`,
          data: suggestions.length ? { suggestions } : void 0
        });
      }
    }
  }
};
function describeFile(file) {
  switch (file.kind) {
    case "unit":
      return `a .${file.unitType} unit`;
    case "dropin":
      return `a drop-in of ${file.unitName}`;
    case "manager":
      return file.dropIn ? `a ${file.scope}.conf drop-in` : `${file.scope}.conf`;
    case "config": {
      const label = dialectById(file.dialect)?.label ?? file.name;
      return file.dropIn ? `a drop-in of ${file.name}` : label;
    }
    default:
      return "this file";
  }
}

// server/src/services/rules/directives.ts
init_suggest();
init_cache();
var candidateCache = new BoundedCache({ max: 200, ttlMs: Infinity });
function candidatesFor(dialect, section) {
  return candidateCache.get(
    `${dialect.id}\0${section}`,
    () => dialect.directivesInSection(section).filter((d) => dialect.allowedInFile(d)).map((d) => d.name)
  );
}
var suggestMemo = new BoundedCache({ max: 5e3, ttlMs: Infinity });
function suggestCached(key2, section, dialect) {
  return suggestMemo.get(
    `${section}\0${dialect.id}\0${key2}`,
    () => suggest(key2, candidatesFor(dialect, section))
  );
}
var directivesRule = {
  stage: 2,
  name: "directives",
  codes: ["unknown-directive", "directive-wrong-section", "directive-wrong-unit-type"],
  run(ctx) {
    const { analysis } = ctx;
    const dialect = analysis.dialect;
    if (!dialect) return;
    for (const e of analysis.entries) {
      if (e.section.status !== "ok" || e.extension) continue;
      const section = e.section.section.name ?? "";
      const key2 = e.node.key;
      const ignored = dialect.strict?.sections.includes(section) ? `${dialect.strict.refused} (podman does not ignore unknown keys here)` : "systemd ignores it";
      const span = e.node.keySpan;
      if (e.info) {
        if (!dialect.allowedInFile(e.info)) {
          const types = e.info.onlyTypes.map((t2) => `.${t2}`).join(", ");
          const atEnable = e.info.restrictionWhen === "enable";
          ctx.report(
            {
              start: span.start,
              end: span.end,
              code: "directive-wrong-unit-type",
              severity: atEnable ? "warning" : "error",
              message: atEnable ? `${key2}= is only honoured for ${types} units; systemctl enable refuses it in a .${analysis.unitType} unit.` : `${key2}= is not supported in .${analysis.unitType} units (only ${types}); systemd ignores it.`
            },
            e
          );
        }
        continue;
      }
      const elsewhere = dialect.directivesNamed(key2);
      const sameFile2 = elsewhere.filter(
        (d) => analysis.allowedSections.includes(d.section) && dialect.allowedInFile(d)
      );
      if (sameFile2.length) {
        const target = sameFile2[0].section;
        ctx.report(
          {
            start: span.start,
            end: span.end,
            code: "directive-wrong-section",
            message: `${key2}= belongs in [${target}], not [${section}]; ${ignored === "systemd ignores it" ? "systemd ignores it here" : ignored}.`,
            data: { targetSection: target }
          },
          e
        );
        continue;
      }
      if (elsewhere.length) {
        const where2 = [...new Set(elsewhere.map((d) => d.section))].map((s) => `[${s}]`).join(", ");
        const what = dialect.label;
        ctx.report(
          {
            start: span.start,
            end: span.end,
            code: "directive-wrong-section",
            message: `${key2}= is not valid in [${section}] of ${what}; it exists only in ${where2}. ${ignored === "systemd ignores it" ? "systemd ignores it here" : ignored}.`
          },
          e
        );
        continue;
      }
      const suggestions = ctx.isFull?.() ? [] : suggestCached(key2, section, dialect);
      ctx.report(
        {
          start: span.start,
          end: span.end,
          code: "unknown-directive",
          message: `${section ? `Unknown directive '${key2}' in [${section}]` : `Unknown setting '${key2}' in ${dialect.label}`}; ${ignored}.${suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}='`).join(" or ")}?` : ""}`,
          data: suggestions.length ? { suggestions } : void 0
        },
        e
      );
    }
  }
};

// server/src/services/rules/versions.ts
var versionsRule = {
  stage: 2,
  name: "versions",
  codes: ["newer-than-target"],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || info.since <= ctx.targetVersion) continue;
      if (ctx.targetVersion === 252 && info.inV252) continue;
      ctx.report(
        {
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: "newer-than-target",
          message: `${info.name}= was added in systemd ${info.since}; systemd ${ctx.targetVersion} (the target version) does not know it and ignores the line.`
        },
        e
      );
    }
  }
};

// server/src/services/rules/status.ts
var statusRule = {
  stage: 2,
  name: "status",
  codes: ["deprecated-directive", "renamed-directive", "ignored-directive", "moved-directive"],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || info.status === "active") continue;
      const span = e.node.keySpan;
      const repl = /^[A-Za-z0-9]+$/.test(info.replacement) ? info.replacement : "";
      const suggestions = repl ? [repl] : void 0;
      const use = repl ? ` Use ${repl}= instead.` : "";
      switch (info.status) {
        case "renamed":
          ctx.report(
            {
              start: span.start,
              end: span.end,
              code: "renamed-directive",
              message: `${info.name}= is the old name of ${repl ? `${repl}=` : sectionedName(info.replacement) ?? "another directive="}; it still works, but the new name is clearer.`,
              data: { suggestions }
            },
            e
          );
          break;
        case "deprecated":
          ctx.report(
            {
              start: span.start,
              end: span.end,
              code: "deprecated-directive",
              message: `${info.name}= is deprecated.${use || (info.name === "PermissionsStartOnly" ? " Instead, prefix only the Exec lines that need full privileges with '+' (or '!')." : "")}`,
              data: { suggestions }
            },
            e
          );
          break;
        case "ignored":
          if (ctx.targetVersion < info.statusSince) {
            ctx.report(
              {
                start: span.start,
                end: span.end,
                code: "deprecated-directive",
                message: `${info.name}= is deprecated and is ignored from systemd ${info.statusSince} on.${use}`,
                data: { suggestions }
              },
              e
            );
          } else {
            ctx.report(
              {
                start: span.start,
                end: span.end,
                code: "ignored-directive",
                message: `${info.name}= is no longer supported: systemd ${info.statusSince} and later accept it but ignore its value.${use}`,
                data: { suggestions }
              },
              e
            );
          }
          break;
        case "compat-moved":
          ctx.report(
            {
              start: span.start,
              end: span.end,
              code: "moved-directive",
              message: `${info.name}= in [${info.section}] is only kept for compatibility; it belongs in [Unit].`,
              data: { targetSection: "Unit" }
            },
            e
          );
          break;
      }
    }
  }
};
function sectionedName(replacement) {
  const names = replacement.split(/\s+/).map((r) => /^([A-Za-z0-9-]+)\.([A-Za-z0-9]+)$/.exec(r)).filter((m) => !!m);
  return names.length ? names.map((m) => `[${m[1]}] ${m[2]}=`).join(" and ") : void 0;
}

// server/src/services/rules/duplicates.ts
init_catalog();
init_values();

// server/src/catalog/enumSince.generated.ts
init_dataFile();
var enumSinceTables = lazyJson("catalog/enumSince.generated.json");

// server/src/catalog/enumSince.ts
function enumValueSince(name, value) {
  const row = enumSinceTables().ENUM_VALUE_SINCE[name]?.[value];
  if (!row) return void 0;
  const [since, ...backportedTo] = row;
  return { since, backportedTo };
}
function acceptsValue(since, version) {
  return version >= since.since || since.backportedTo.includes(version);
}

// server/src/services/rules/duplicates.ts
init_parserFacts();
function emptyRefused(info) {
  return info.list === "no" && EMPTY_REFUSED_252.has(info.parser) || isFirstWins(info.parser);
}
function isAccepted(e, unitType, targetVersion) {
  const info = e.info;
  if (!info || info.kind === "ignored") return false;
  if (info.since > targetVersion && !(targetVersion === 252 && info.inV252)) return false;
  if (!directiveAllowedInType(info, unitType) && info.restrictionWhen !== "enable") return false;
  const value = e.node.value;
  if (value === "") return !emptyRefused(info);
  const since = info.enumValues.includes(value) ? enumValueSince(info.name, value) : void 0;
  if (since && !acceptsValue(since, targetVersion)) return false;
  const problems = validateValue(value, sharedValueContext(info, unitType, targetVersion));
  return !problems.some((p) => p.severity === "error");
}
function acceptedIn(ctx) {
  return (e) => isAccepted(e, ctx.analysis.unitType, ctx.targetVersion);
}
var duplicatesRule = {
  stage: 2,
  name: "duplicates",
  codes: ["duplicate-directive"],
  run(ctx) {
    const seen = /* @__PURE__ */ new Map();
    for (const e of ctx.analysis.entries) {
      if (!e.info || e.info.list !== "no" || e.info.kind === "ignored") continue;
      const object = ctx.analysis.dialect?.section(e.info.section)?.repeatable ? ctx.analysis.sections.indexOf(e.section) : -1;
      const key2 = `${e.info.section}\0${e.info.name}\0${object}`;
      const list2 = seen.get(key2);
      if (list2) list2.push(e);
      else seen.set(key2, [e]);
    }
    const accepted = acceptedIn(ctx);
    for (const list2 of seen.values()) {
      if (list2.length < 2) continue;
      const firstWins = isFirstWins(list2[0].info.parser);
      const winner = firstWins ? list2.find(accepted) : [...list2].reverse().find(accepted);
      if (!winner) continue;
      const w = winner.node;
      const at2 = list2.indexOf(winner);
      const displaced = firstWins ? list2.slice(at2 + 1) : list2.slice(0, at2);
      for (const e of displaced) {
        ctx.report(
          {
            start: e.node.keySpan.start,
            end: e.node.keySpan.end,
            code: "duplicate-directive",
            message: firstWins ? `${e.node.key}= is set more than once; systemd keeps the first ${at2 > 0 ? "valid " : ""}assignment (line ${w.line + 1}) and ignores this one.` : `${e.node.key}= is set again on line ${w.line + 1}, which overrides this assignment; this line has no effect.`,
            data: {
              removeSpan: { start: e.node.start, end: e.node.end },
              related: [{ span: w.keySpan, message: `the assignment in effect: ${w.key}=${w.value}` }]
            }
          },
          e
        );
      }
    }
  }
};

// server/src/services/rules/values.ts
init_values();
init_parser();

// server/src/values/types.ts
var VALUE_PROBLEM_CODES = [
  "unknown-specifier",
  "deprecated-specifier",
  "specifier-too-new",
  "deprecated-value",
  "unknown-capability",
  "condition-never-met"
];

// server/src/services/rules/literalText.ts
init_util();
init_values();
init_parser();
function inlineCommentAt(value) {
  const m = /\s(#)(?:\s|$)/.exec(value);
  return m ? m.index + 1 : void 0;
}
var literalTextRule = {
  stage: 3,
  name: "literal-text",
  codes: ["environment-variable-reference", "inline-comment"],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || !ctx.isClean(e) || e.node.value === "") continue;
      const value = e.node.value;
      if (info.parser === "config_parse_environ" && value.includes("$")) {
        const { words: words4, error } = splitWords(value, { unquote: true, cunescape: true });
        if (!error) {
          for (const w of words4) {
            const eq = w.text.indexOf("=");
            const m = eq >= 0 ? /\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(w.text.slice(eq + 1)) : null;
            if (!m) continue;
            const at2 = w.raw.indexOf("$");
            const span = valueSpanToDocument(e.node, w.start + Math.max(0, at2), w.end);
            ctx.report(
              {
                ...span,
                code: "environment-variable-reference",
                message: `${info.name}= does not expand variables: ${w.text.slice(0, eq)} gets the text '${w.text.slice(eq + 1)}', $${m[1]} included. Variables are expanded only in Exec*= command lines; set the whole value here, or build it in the command (ExecStart=/bin/sh -c '\u2026').`
              },
              e
            );
            break;
          }
        }
      }
      const hash = inlineCommentAt(value);
      if (hash !== void 0 && info.kind !== "ignored" && !validateValue(value, {
        section: info.section,
        directive: info.name,
        kind: info.kind,
        parser: info.parser,
        enumValues: info.enumValues,
        unitType: ctx.analysis.unitType,
        targetVersion: ctx.targetVersion
      }).some((p) => p.severity === "error")) {
        const span = valueSpanToDocument(e.node, hash, value.length);
        ctx.report(
          {
            ...span,
            code: "inline-comment",
            message: `'#' starts a comment only at the beginning of a line: here '${value.slice(hash)}' is part of the ${info.name}= value. Put the comment on a line of its own.`
          },
          e
        );
      }
    }
  }
};

// server/src/services/rules/values.ts
var valuesRule = {
  stage: 3,
  name: "values",
  codes: ["invalid-value", "empty-reset-ignored", "empty-value-ignored", ...VALUE_PROBLEM_CODES],
  run(ctx) {
    const { analysis } = ctx;
    for (const e of analysis.entries) {
      const info = e.info;
      if (!info || info.kind === "ignored" || !ctx.isClean(e)) continue;
      const node = e.node;
      if (node.value === "") {
        if (emptyRefused(info)) {
          ctx.report(
            {
              start: node.keySpan.start,
              end: node.eq + 1,
              code: "empty-value-ignored",
              message: `systemd does not take an empty ${info.name}=: it logs a warning and ${info.parser === "config_parse_trigger_unit" ? "ignores the line (the unit to trigger cannot be reset)." : "keeps the earlier value instead of resetting to the default."}${info.defaultValue && !/\s/.test(info.defaultValue) ? ` Write ${info.name}=${info.defaultValue} to get the default.` : ""}`
            },
            e
          );
        } else if (info.list === "add-only") {
          ctx.report(
            {
              start: node.keySpan.start,
              end: node.eq + 1,
              code: "empty-reset-ignored",
              message: `${info.name}= cannot be reset: an empty assignment does nothing here, so dependencies set elsewhere stay in place.`
            },
            e
          );
        }
        continue;
      }
      const vctx = sharedValueContext(info, analysis.unitType, ctx.targetVersion);
      for (const p of validateValue(node.value, vctx)) {
        const span = valueSpanToDocument(
          node,
          Math.max(0, Math.min(p.start, node.value.length)),
          Math.max(0, Math.min(p.end, node.value.length))
        );
        const code = p.code ?? "invalid-value";
        const suggestions = p.suggestions;
        const hash = p.severity === "error" ? inlineCommentAt(node.value) : void 0;
        const message = hash !== void 0 && p.end > hash ? `${p.message} Note: '#' starts a comment only at the beginning of a line, so '${node.value.slice(hash)}' is part of the value; put the comment on its own line.` : p.message;
        ctx.report(
          { ...span, code, severity: p.severity, message, data: suggestions?.length ? { suggestions } : void 0 },
          e
        );
      }
    }
  }
};

// server/src/services/rules/userNobody.ts
var userNobodyRule = {
  stage: 3,
  name: "user-nobody",
  codes: ["user-nobody"],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      if (!e.info || !ctx.isClean(e)) continue;
      if (e.info.name !== "User" || e.info.section === "Manager") continue;
      const v = e.node.value;
      if (v === "nobody") {
        ctx.report(
          {
            start: e.node.valueSpan.start,
            end: e.node.valueSpan.end,
            code: "user-nobody",
            message: `${e.info.name}=${v}: the nobody identity owns files and processes of other services too, so this service is not isolated from them (systemd warns about it). Use DynamicUser=yes or a dedicated system user.`
          },
          e
        );
      }
    }
  }
};

// server/src/services/rules/service.ts
init_hierarchy();
import { basename as basename2 } from "node:path";

// server/src/catalog/serviceType.ts
function implicitServiceType(has) {
  if (has.busName) return "dbus";
  return has.execStart ? "simple" : "oneshot";
}

// server/src/services/rules/service.ts
init_bool();
function effective(entries, section, name) {
  let out = [];
  for (const e of entries) {
    if (!e.info || e.info.section !== section || e.info.name !== name) continue;
    if (e.node.value === "") out = [];
    else out.push(e);
  }
  return out;
}
function lastValue(entries, section, name, accepted) {
  let last;
  for (const e of entries)
    if (e.info && e.info.section === section && e.info.name === name && (!accepted || accepted(e))) last = e;
  return last && last.node.value !== "" ? last : void 0;
}
function dropInOwners(unitName) {
  const type = unitName.slice(unitName.lastIndexOf(".") + 1);
  return [...dropInDirNamesFor(unitName).map((d) => d.name), type];
}
var dropInIndex = /* @__PURE__ */ new WeakMap();
function dropInEntries(workspace, unitName) {
  let byOwner = dropInIndex.get(workspace);
  if (!byOwner) {
    byOwner = /* @__PURE__ */ new Map();
    for (const u of workspace) {
      const f = u.analysis.file;
      if (f.kind !== "dropin") continue;
      const l = byOwner.get(f.unitName);
      if (l) l.push(u);
      else byOwner.set(f.unitName, [u]);
    }
    dropInIndex.set(workspace, byOwner);
  }
  const units2 = [...new Set(dropInOwners(unitName))].flatMap((o) => byOwner.get(o) ?? []);
  units2.sort((a, b) => basename2(a.path) < basename2(b.path) ? -1 : basename2(a.path) > basename2(b.path) ? 1 : 0);
  return units2.flatMap((u) => u.analysis.entries);
}
var serviceRule = {
  stage: 4,
  name: "service",
  codes: [
    "service-missing-exec-start",
    "service-multiple-exec-start",
    "service-invalid-combination",
    "service-setting-ignored"
  ],
  run(ctx) {
    const { analysis } = ctx;
    if (analysis.file.kind !== "unit" || analysis.unitType !== "service") return;
    if (analysis.sections.some((s) => s.status === "broken")) return;
    const entries = [...analysis.entries, ...dropInEntries(ctx.options.workspace?.() ?? [], analysis.file.unitName)];
    const execStart = effective(entries, "Service", "ExecStart");
    const execStop = effective(entries, "Service", "ExecStop");
    const accepted = acceptedIn(ctx);
    const typeEntry = lastValue(entries, "Service", "Type", accepted);
    const busName = lastValue(entries, "Service", "BusName", accepted);
    const successAction = lastValue(entries, "Unit", "SuccessAction", accepted);
    const type = typeEntry?.node.value ?? implicitServiceType({ busName: !!busName, execStart: execStart.length > 0 });
    const serviceHeader = analysis.sections.find((s) => s.status === "ok" && s.section.name === "Service")?.section.header;
    const anchor = serviceHeader ? serviceHeader.nameSpan : { start: 0, end: 0 };
    if (execStart.length === 0) {
      if (type !== "oneshot" && typeEntry) {
        ctx.report({
          start: typeEntry.node.valueSpan.start,
          end: typeEntry.node.valueSpan.end,
          code: "service-missing-exec-start",
          message: `A Type=${type} service needs ExecStart=; only Type=oneshot may go without. systemd refuses this unit.`
        });
      } else if (execStop.length === 0 && (!successAction || successAction.node.value === "none")) {
        ctx.report({
          start: anchor.start,
          end: anchor.end,
          code: "service-missing-exec-start",
          message: "The service has no ExecStart=, ExecStop= or SuccessAction=; systemd refuses this unit."
        });
      } else if ((!successAction || successAction.node.value === "none") && parseBoolean(lastValue(entries, "Service", "RemainAfterExit", accepted)?.node.value ?? "") !== true) {
        ctx.report({
          start: anchor.start,
          end: anchor.end,
          code: "service-missing-exec-start",
          message: "A service with ExecStop= but no ExecStart= needs RemainAfterExit=yes (or a SuccessAction=); systemd refuses this unit."
        });
      }
    } else if (execStart.length > 1 && type !== "oneshot") {
      for (const e of execStart.slice(1)) {
        ctx.report({
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: "service-multiple-exec-start",
          message: `More than one ExecStart= is only allowed with Type=oneshot (this service is Type=${type}); systemd refuses this unit. In a drop-in, reset the list first with an empty 'ExecStart=' line.`
        });
      }
    }
    const restart = lastValue(entries, "Service", "Restart", accepted);
    if (type === "oneshot" && restart && (restart.node.value === "always" || restart.node.value === "on-success")) {
      ctx.report({
        start: restart.node.valueSpan.start,
        end: restart.node.valueSpan.end,
        code: "service-invalid-combination",
        message: `Restart=${restart.node.value} is not allowed for Type=oneshot services; systemd refuses this unit.`
      });
    }
    const exitType = lastValue(entries, "Service", "ExitType", accepted);
    if (type === "oneshot" && exitType?.node.value === "cgroup") {
      ctx.report(
        {
          start: exitType.node.valueSpan.start,
          end: exitType.node.valueSpan.end,
          code: "service-invalid-combination",
          message: "ExitType=cgroup is not allowed for Type=oneshot services; systemd refuses this unit."
        },
        exitType
      );
    }
    const runtimeMax = lastValue(entries, "Service", "RuntimeMaxSec", accepted);
    if (type === "oneshot" && runtimeMax && !/^\s*infinity\s*$/.test(runtimeMax.node.value) && analysis.entries.includes(runtimeMax)) {
      ctx.report({
        start: runtimeMax.node.keySpan.start,
        end: runtimeMax.node.keySpan.end,
        code: "service-setting-ignored",
        message: "RuntimeMaxSec= does nothing for a Type=oneshot service (systemd says so and ignores it); use TimeoutStartSec= to limit how long it may run."
      });
    }
    const usbDescriptors = lastValue(entries, "Service", "USBFunctionDescriptors", accepted);
    if (usbDescriptors && !lastValue(entries, "Service", "USBFunctionStrings", accepted) && analysis.entries.includes(usbDescriptors)) {
      ctx.report({
        start: usbDescriptors.node.keySpan.start,
        end: usbDescriptors.node.keySpan.end,
        code: "service-setting-ignored",
        message: "USBFunctionDescriptors= without USBFunctionStrings= is ignored by systemd; set both."
      });
    }
    if (type === "dbus" && !busName && typeEntry) {
      ctx.report({
        start: typeEntry.node.valueSpan.start,
        end: typeEntry.node.valueSpan.end,
        code: "service-invalid-combination",
        message: "Type=dbus needs BusName=; systemd refuses this unit."
      });
    }
  }
};

// server/src/services/rules/watchdog.ts
init_drivers();
init_evaluate();
init_evaluate();
var watchdogRule = {
  stage: 3,
  name: "watchdog",
  codes: ["watchdog-out-of-range"],
  run(ctx) {
    if (ctx.analysis.file.kind !== "manager") return;
    const limits = ctx.options.watchdog ?? limitsForDriver(DEFAULT_WATCHDOG_DRIVER);
    const where2 = limits.source === "kernel" ? `the limits this machine's kernel reports for ${limits.label}` : `the ${limits.label} driver (setting systemd.watchdog.driver)`;
    let runtimeSet = false;
    let rebootSet = false;
    for (const e of ctx.analysis.entries) {
      if (!e.info || e.info.section !== "Manager" || !HARDWARE_WATCHDOG_SETTINGS.has(e.info.name) || !ctx.isClean(e))
        continue;
      if (e.info.name === "RuntimeWatchdogSec") runtimeSet = true;
      if (e.info.name === "RebootWatchdogSec" || e.info.name === "ShutdownWatchdogSec") rebootSet = true;
      const ev = evaluateWatchdogValue(e.node.value);
      if (!ev || ev.mode !== "seconds") continue;
      const s = ev.seconds;
      if (s >= limits.min && s <= limits.max) continue;
      const rounded = ev.usec % 1e6 !== 0 ? ` (rounded up from ${e.node.value})` : "";
      const edge = s > limits.max ? `above the maximum of ${limits.max} s` : `below the minimum of ${limits.min} s`;
      ctx.report(
        {
          start: e.node.valueSpan.start,
          end: e.node.valueSpan.end,
          code: "watchdog-out-of-range",
          message: `${e.info.name}= asks the hardware watchdog for ${s} s${rounded}, ${edge} accepted by ${where2}. The driver refuses it: systemd logs one error, disarms the watchdog and never pings it again, so the machine runs without a hardware watchdog. Use ${limits.min}\u2013${limits.max} s.`,
          data: { suggestions: [s > limits.max ? `${limits.max}s` : `${limits.min}s`] }
        },
        e
      );
    }
    if (runtimeSet && !rebootSet && 600 > limits.max) {
      const first = ctx.analysis.entries.find((e) => e.info?.name === "RuntimeWatchdogSec");
      if (first) {
        ctx.report(
          {
            start: first.node.keySpan.start,
            end: first.node.keySpan.end,
            code: "watchdog-out-of-range",
            severity: "info",
            message: `The default RebootWatchdogSec=10min (600 s) is above the ${limits.max} s maximum of ${where2}; set RebootWatchdogSec= to at most ${limits.max}s so the watchdog stays armed during reboot.`,
            data: { suggestions: [] }
          },
          first
        );
      }
    }
  }
};

// server/src/services/rules/serviceWatchdog.ts
init_timespan();
var serviceWatchdogRule = {
  stage: 3,
  name: "service-watchdog",
  codes: ["service-watchdog-without-notify"],
  run(ctx) {
    const { analysis } = ctx;
    if (analysis.file.kind !== "unit" || analysis.unitType !== "service") return;
    const accepted = acceptedIn(ctx);
    const last = (name) => lastValue(analysis.entries, "Service", name, accepted);
    const wd = last("WatchdogSec");
    if (!wd || !ctx.isClean(wd)) return;
    const r = parseTimespan(wd.node.value);
    if (!("usec" in r) || r.usec === 0 || r.usec === "infinity") return;
    const type = last("Type")?.node.value ?? implicitServiceType({ busName: !!last("BusName"), execStart: !!last("ExecStart") });
    const notifyAccess = last("NotifyAccess")?.node.value ?? "none";
    if (type === "notify" || type === "notify-reload" || type === "dbus" || notifyAccess !== "none") return;
    ctx.report(
      {
        start: wd.node.keySpan.start,
        end: wd.node.keySpan.end,
        code: "service-watchdog-without-notify",
        message: `Reminder: with WatchdogSec=${wd.node.value} the program must call sd_notify("WATCHDOG=1") at least every ${wd.node.value} (NotifyAccess= defaults to main with WatchdogSec=), or systemd takes it as hung and stops it with WatchdogSignal= (SIGABRT by default). Nothing is wrong if this Type=${type} daemon does so.`
      },
      wd
    );
  }
};

// server/src/services/rules/fdHints.ts
init_searchPaths();
init_hints();
init_socketHints();
import { basename as basename3, dirname as dirname2 } from "node:path";

// server/src/services/rules/unitView.ts
function unitViewOf(ctx, unitType) {
  const { analysis } = ctx;
  if (analysis.file.kind !== "unit" || analysis.unitType !== unitType) return void 0;
  if (analysis.sections.some((s) => s.status === "broken")) return void 0;
  const entries = [...analysis.entries, ...dropInEntries(ctx.options.workspace?.() ?? [], analysis.file.unitName)];
  const accepted = acceptedIn(ctx);
  const typeSection2 = unitType.charAt(0).toUpperCase() + unitType.slice(1);
  const header = analysis.sections.find((s) => s.status === "ok" && s.section.name === typeSection2)?.section.header ?? analysis.sections.find((s) => s.status === "ok")?.section.header;
  const unitName = analysis.file.unitName;
  return {
    unitName,
    anchor: header ? header.nameSpan : { start: 0, end: 0 },
    list(section, names) {
      const group = typeof names === "string" ? [names] : names;
      let out = [];
      for (const e of entries) {
        if (!e.info || e.info.section !== section || !group.includes(e.info.name)) continue;
        if (e.node.value === "") {
          if (e.info.list === "yes" && accepted(e)) out = [];
          continue;
        }
        if (accepted(e)) out.push(e);
      }
      return out;
    },
    first(section, name) {
      return entries.find(
        (e) => e.info && e.info.section === section && e.info.name === name && e.node.value !== "" && accepted(e)
      );
    },
    last(section, name) {
      let last;
      for (const e of entries)
        if (e.info && e.info.section === section && e.info.name === name && accepted(e)) last = e;
      return last && last.node.value !== "" ? last : void 0;
    }
  };
}
function spanIn(ctx, e, fallback, part = "value") {
  if (!e || !ctx.analysis.entries.includes(e)) return fallback;
  return part === "key" ? e.node.keySpan : e.node.valueSpan;
}

// server/src/services/rules/socket.ts
init_bool();
var LISTEN_DIRECTIVES = [
  "ListenStream",
  "ListenDatagram",
  "ListenSequentialPacket",
  "ListenFIFO",
  "ListenSpecial",
  "ListenNetlink",
  "ListenMessageQueue",
  "ListenUSBFunction"
];
var ACCEPTING = /* @__PURE__ */ new Set(["ListenStream", "ListenSequentialPacket"]);
var socketRule = {
  stage: 4,
  name: "socket",
  codes: ["socket-missing-listen", "socket-accept-conflict", "socket-symlinks-target"],
  run(ctx) {
    const view = unitViewOf(ctx, "socket");
    if (!view) return;
    const ports = view.list("Socket", LISTEN_DIRECTIVES);
    if (!ports.length) {
      ctx.report({
        ...view.anchor,
        code: "socket-missing-listen",
        message: "This socket unit listens on nothing (no ListenStream=, ListenDatagram=, ListenFIFO=, \u2026); systemd refuses the unit."
      });
      return;
    }
    const acceptEntry = view.last("Socket", "Accept");
    if (acceptEntry && parseBoolean(acceptEntry.node.value) === true) {
      const at2 = spanIn(ctx, acceptEntry, view.anchor);
      const bad = ports.find((p) => !ACCEPTING.has(p.info.name));
      if (bad) {
        ctx.report({
          ...spanIn(ctx, bad, at2, "key"),
          code: "socket-accept-conflict",
          message: `Accept=yes needs sockets that accept connections (ListenStream= or ListenSequentialPacket=), but ${bad.info.name}= cannot; systemd refuses the unit. Use Accept=no.`
        });
      }
      const max = view.last("Socket", "MaxConnections");
      if (max && /^\s*0+\s*$/.test(max.node.value)) {
        ctx.report({
          ...spanIn(ctx, max, at2),
          code: "socket-accept-conflict",
          message: "MaxConnections=0 with Accept=yes would never let a connection through; systemd refuses the unit."
        });
      }
      const service = view.last("Socket", "Service");
      if (service) {
        ctx.report({
          ...spanIn(ctx, service, at2, "key"),
          code: "socket-accept-conflict",
          message: `With Accept=yes systemd starts an instance of ${view.unitName.replace(/\.socket$/, "@.service")} for each connection; an explicit Service= is not supported and systemd refuses the unit.`
        });
      }
    }
    const symlinks = view.list("Socket", "Symlinks");
    if (symlinks.length) {
      const nodes = ports.filter(
        (p) => p.info.name === "ListenFIFO" || ["ListenStream", "ListenDatagram", "ListenSequentialPacket"].includes(p.info.name) && p.node.value.startsWith("/")
      );
      if (nodes.length !== 1) {
        ctx.report({
          ...spanIn(ctx, symlinks[0], view.anchor, "key"),
          code: "socket-symlinks-target",
          message: `Symlinks= needs exactly one port that is a file-system node (a FIFO or a Unix socket path), but this unit has ${nodes.length === 0 ? "none" : nodes.length}; systemd refuses the unit.`
        });
      }
    }
  }
};

// server/src/services/rules/fdHints.ts
var LISTEN = LISTEN_DIRECTIVES;
function invalidCombination(h) {
  const flags = h.type & ~15;
  if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
    return `the type ${h.type} carries flags other than SOCK_NONBLOCK (2048) and SOCK_CLOEXEC (524288), which socket() refuses with EINVAL`;
  const t2 = h.type & 15;
  const known = Object.values(SOCK);
  if (!known.includes(t2)) return `${t2} is not a socket type (SOCK_STREAM is 1, SOCK_DGRAM 2, SOCK_SEQPACKET 5)`;
  const p = h.protocol;
  switch (h.domain) {
    case AF.AF_UNIX:
      if (![SOCK.SOCK_STREAM, SOCK.SOCK_DGRAM, SOCK.SOCK_SEQPACKET, SOCK.SOCK_RAW].includes(t2))
        return "AF_UNIX (1) takes only SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET";
      if (p !== 0 && p !== 1) return `AF_UNIX (1) takes protocol 0, not ${p}`;
      return void 0;
    case AF.AF_INET:
    case AF.AF_INET6: {
      const d = domainName(h.domain);
      if (t2 === SOCK.SOCK_STREAM && ![0, IPPROTO.IPPROTO_TCP, IPPROTO.IPPROTO_MPTCP, IPPROTO.IPPROTO_SCTP].includes(p))
        return `${d} stream sockets take protocol 0, 6 (TCP), 132 (SCTP) or 262 (MPTCP), not ${p}`;
      if (t2 === SOCK.SOCK_DGRAM && ![0, IPPROTO.IPPROTO_UDP, IPPROTO.IPPROTO_UDPLITE, IPPROTO.IPPROTO_ICMP, IPPROTO.IPPROTO_ICMPV6].includes(
        p
      ))
        return `${d} datagram sockets take protocol 0, 17 (UDP) or 136 (UDP-Lite), not ${p}`;
      if (t2 === SOCK.SOCK_SEQPACKET && p !== IPPROTO.IPPROTO_SCTP)
        return `${d} SOCK_SEQPACKET needs protocol 132 (SCTP)`;
      if (t2 === SOCK.SOCK_RAW && p === 0) return `${d} raw sockets need a non-zero protocol`;
      if (![SOCK.SOCK_STREAM, SOCK.SOCK_DGRAM, SOCK.SOCK_SEQPACKET, SOCK.SOCK_RAW].includes(t2))
        return `${d} does not take socket type ${t2}`;
      return void 0;
    }
    case AF.AF_NETLINK:
      return t2 === SOCK.SOCK_RAW || t2 === SOCK.SOCK_DGRAM ? void 0 : "AF_NETLINK (16) takes only SOCK_RAW or SOCK_DGRAM";
    case AF.AF_PACKET:
      return t2 === SOCK.SOCK_RAW || t2 === SOCK.SOCK_DGRAM ? void 0 : "AF_PACKET (17) takes only SOCK_RAW or SOCK_DGRAM";
    case AF.AF_VSOCK:
      return p === 0 ? void 0 : "AF_VSOCK (40) takes protocol 0";
    default:
      if (h.domain <= 0 || h.domain >= 46)
        return `${h.domain} is not an address family on Linux (AF_UNIX is 1, AF_INET 2, AF_INET6 10)`;
      return void 0;
  }
}
function listenEntries(a) {
  return a.entries.filter((e) => e.info?.section === "Socket" && LISTEN.includes(e.info.name) && e.node.value !== "");
}
function hintEntries(a) {
  const out = [];
  for (const e of a.entries) {
    if (e.info?.section !== "Socket" || e.info.name !== "FileDescriptorName") continue;
    const h = parseHint(e.node.value)?.hint;
    if (h) out.push({ entry: e, hint: h });
  }
  return out;
}
function lastSocketProtocol(a) {
  let v;
  for (const e of a.entries)
    if (e.info?.section === "Socket" && e.info.name === "SocketProtocol") v = e.node.value || void 0;
  return v;
}
function installedTogether(a, b) {
  if (dirname2(a) === dirname2(b)) return true;
  const ra = unitPathRoot(a);
  const rb = unitPathRoot(b);
  return !!ra && !!rb && ra.root === rb.root && ra.scope === rb.scope;
}
var key = (h) => `${h.domain},${h.type},${h.protocol}=${h.index}`;
function hasPreload(units2, service) {
  const mine = units2.filter(
    (u) => (u.analysis.file.kind === "unit" || u.analysis.file.kind === "dropin") && u.analysis.file.unitName === service
  );
  if (!mine.some((u) => u.analysis.file.kind === "unit")) return void 0;
  return mine.some(
    (u) => u.analysis.entries.some((e) => e.info?.name === "Environment" && /(^|[\s"'])LD_PRELOAD=/.test(e.node.value))
  );
}
var fdHintsRule = {
  stage: 3,
  name: "fd-hints",
  codes: ["fd-hint-syntax", "fd-hint-invalid", "fd-hint-mismatch", "fd-hint-duplicate", "fd-hint-no-preload"],
  run(ctx) {
    const { analysis } = ctx;
    if (analysis.unitType !== "socket") return;
    for (const e of analysis.entries) {
      if (e.info?.section !== "Socket" || e.info.name !== "FileDescriptorName" || !ctx.isClean(e)) continue;
      const parsed = parseHint(e.node.value);
      if (!parsed) continue;
      const span = { start: e.node.valueSpan.start, end: e.node.valueSpan.end };
      if (parsed.error) {
        ctx.report({ ...span, code: "fd-hint-syntax", message: parsed.error }, e);
        continue;
      }
      const h = parsed.hint;
      const bad = invalidCombination(h);
      if (bad) {
        ctx.report(
          {
            ...span,
            code: "fd-hint-invalid",
            message: `socket(${h.domain},${h.type},${h.protocol}) can never succeed on Linux: ${bad}. The daemon's call will not match this hint.`
          },
          e
        );
        continue;
      }
      const listens = listenEntries(analysis);
      if (listens.length > 1) {
        ctx.report(
          {
            ...span,
            code: "fd-hint-mismatch",
            message: `This unit has ${listens.length} Listen*= lines, so all ${listens.length} sockets get this one name; give each binding its own .socket unit with its own hint.`
          },
          e
        );
      } else if (listens.length === 1) {
        const l = listens[0];
        const type = typeOfListen(l.info.name);
        const domains = domainsOfAddress(l.node.value);
        const problems = [];
        if (type === void 0) problems.push(`${l.info.name}= does not create a socket() the daemon could call`);
        else if ((h.type & 15) !== type)
          problems.push(
            `${l.info.name}= makes a ${typeName(type)} socket, but the hint's type is ${typeName(h.type)}`
          );
        if (domains.length && !domains.includes(h.domain))
          problems.push(
            `the address ${l.node.value} is ${domains.map(domainName).join(" or ")}, but the hint's domain is ${domainName(h.domain)} (${h.domain})`
          );
        const socketProtocol = lastSocketProtocol(analysis);
        if (type !== void 0 && !problems.length && !protocolsFor(h.domain, type, socketProtocol).includes(h.protocol)) {
          problems.push(
            h.protocol === IPPROTO.IPPROTO_SCTP && type === SOCK.SOCK_STREAM && socketProtocol !== "sctp" ? `the hint asks for SCTP (132), but systemd opens a TCP socket for ${l.info.name}= unless the unit sets SocketProtocol=sctp` : `protocol ${h.protocol} does not fit the ${domainName(h.domain)} ${typeName(type)} socket systemd opens${socketProtocol ? ` (SocketProtocol=${socketProtocol})` : ""}`
          );
        }
        if (problems.length) {
          const d = domains.includes(h.domain) ? h.domain : domains[0];
          const t2 = type ?? h.type & 15;
          const p = d === void 0 || d === AF.AF_UNIX ? 0 : protocolsFor(d, t2, lastSocketProtocol(analysis)).filter((x) => x !== 0)[0] ?? 0;
          const suggestion = d !== void 0 ? `socket(${d},${t2 | h.type & ~15},${p})=${h.index}` : void 0;
          ctx.report(
            {
              ...span,
              code: "fd-hint-mismatch",
              message: `The hint does not match this unit's socket: ${problems.join("; ")}.${suggestion ? ` Expected ${suggestion}.` : ""}`,
              data: suggestion ? { suggestions: [suggestion] } : void 0
            },
            e
          );
          continue;
        }
      }
      const workspace = ctx.options.workspace?.() ?? [];
      const service = serviceOf(analysis);
      const myPath = workspace.find((u) => u.analysis === analysis)?.path;
      for (const other of workspace) {
        if (other.analysis === analysis || other.analysis.unitType !== "socket" || other.analysis.file.kind !== "unit")
          continue;
        if (other.path === myPath || analysis.file.kind === "unit" && other.analysis.file.unitName === analysis.file.unitName)
          continue;
        if (myPath !== void 0 && !installedTogether(myPath, other.path)) continue;
        if (serviceOf(other.analysis) !== service) continue;
        if (hintEntries(other.analysis).some((x) => key(x.hint) === key(h))) {
          ctx.report(
            {
              ...span,
              code: "fd-hint-duplicate",
              message: `${basename3(other.path)} feeds ${service} with the same hint ${e.node.value}; only one socket can be handed to that call. Raise the index of one of them.`
            },
            e
          );
        }
      }
      if (analysis.file.kind === "unit" && hasPreload(workspace, service) === false) {
        ctx.report(
          {
            ...span,
            code: "fd-hint-no-preload",
            message: `${service} has no LD_PRELOAD in its environment (unit and drop-ins here), so nothing hands this socket to the daemon's socket() call. Add a drop-in with Environment=LD_PRELOAD=\u2026 for ${service}.`
          },
          e
        );
      }
    }
  }
};

// server/src/services/rules/dropins.ts
init_unitWorld();

// server/src/services/rules/timer.ts
init_bool();
init_searchPaths();
init_hierarchy();
import { existsSync } from "node:fs";
import { dirname as dirname3, join as join4 } from "node:path";
function unitInstalled(ctx, timerPath, names) {
  const root = unitPathRoot(timerPath);
  for (const u of ctx.options.workspace?.() ?? []) {
    const f = u.analysis.file;
    if (f.kind !== "unit" || !names.includes(f.unitName)) continue;
    const r = unitPathRoot(u.path);
    if (dirname3(u.path) === dirname3(timerPath) || root && r && root.root === r.root && root.scope === r.scope)
      return true;
  }
  if (!root) return false;
  const dirs = unitSearchDirs({ root: root.root, scope: root.scope, unitDirs: [dirname3(timerPath)] });
  return dirs.some((d) => names.some((n) => existsSync(join4(d.dir, n))));
}
var TIMER_TRIGGERS = [
  "OnActiveSec",
  "OnBootSec",
  "OnStartupSec",
  "OnUnitActiveSec",
  "OnUnitInactiveSec",
  "OnCalendar"
];
var timerRule = {
  stage: 4,
  name: "timer",
  codes: ["timer-missing-trigger", "timer-unit-missing"],
  run(ctx) {
    const view = unitViewOf(ctx, "timer");
    if (!view) return;
    const unitEntry = view.first("Timer", "Unit");
    const target = unitEntry?.node.value ?? view.unitName.replace(/\.timer$/, ".service");
    const timerPath = ctx.options.workspace?.().find((u) => u.analysis === ctx.analysis)?.path;
    if (timerPath && !target.includes("%")) {
      const at2 = target.indexOf("@");
      const dot = target.lastIndexOf(".");
      const names = at2 > 0 && dot > at2 + 1 ? [target, `${target.slice(0, at2 + 1)}${target.slice(dot)}`] : [target];
      if (!unitInstalled(ctx, timerPath, names)) {
        ctx.report({
          ...spanIn(ctx, unitEntry, view.anchor),
          code: "timer-unit-missing",
          message: `This timer starts ${target}, which is not installed next to it (${dirname3(timerPath)}${unitPathRoot(timerPath) ? " or the rest of its unit search path" : ""}); systemd refuses to start the timer while ${target} is missing.`
        });
      }
    }
    if (view.list("Timer", TIMER_TRIGGERS).length) return;
    const flag = (name) => parseBoolean(view.last("Timer", name)?.node.value ?? "") === true;
    if (flag("OnClockChange") || flag("OnTimezoneChange")) return;
    ctx.report({
      ...view.anchor,
      code: "timer-missing-trigger",
      message: "This timer has no trigger (OnCalendar=, OnBootSec=, OnUnitActiveSec=, \u2026 or OnClockChange=/OnTimezoneChange=yes); systemd refuses the unit."
    });
  }
};

// server/src/services/rules/dropins.ts
var dropInsRule = {
  stage: 4,
  name: "drop-ins",
  codes: ["dropin-missing-reset", "dropin-no-change", "dropin-unknown-unit", "dropin-list-append"],
  run(ctx) {
    const { analysis } = ctx;
    if (analysis.file.kind !== "dropin") return;
    const base = ctx.options.baseUnit?.();
    if (!base) return;
    if (!base.found) {
      if (base.inSearchPath) {
        const first = analysis.sections.find((s) => s.section.header)?.section.header;
        const path = ctx.options.workspace?.().find((u) => u.analysis === analysis)?.path;
        const vendor = path !== void 0 && isVendorUnitFile(path);
        ctx.report({
          start: first?.nameSpan.start ?? 0,
          end: first?.nameSpan.end ?? 0,
          code: "dropin-unknown-unit",
          ...vendor ? {
            severity: "info",
            message: `No unit ${base.unitName} is installed here; this vendor drop-in takes effect once the package that ships ${base.unitName} is installed.`
          } : {
            message: `No unit ${base.unitName} was found in the unit folders, so this drop-in applies to nothing. Check the folder name (${base.unitName}.d).`
          }
        });
      }
      return;
    }
    const eff = base.effective;
    if (!eff) return;
    const entries = analysis.entries.filter((e) => e.info && ctx.isClean(e));
    if (analysis.unitType === "service") {
      const execs = entries.filter((e) => e.info.section === "Service" && e.info.name === "ExecStart");
      const baseExec = eff.get("Service", "ExecStart")?.values ?? [];
      const typeHere = [...entries].reverse().find((e) => e.info.section === "Service" && e.info.name === "Type" && e.node.value && acceptedIn(ctx)(e))?.node.value;
      const busName = entries.some((e) => e.info.section === "Service" && e.info.name === "BusName" && e.node.value) || eff.valuesOf("Service", "BusName").length > 0;
      const type = typeHere ?? eff.valuesOf("Service", "Type")[0] ?? implicitServiceType({ busName, execStart: baseExec.length > 0 || execs.length > 0 });
      if (execs.length && execs[0].node.value !== "" && baseExec.length && type !== "oneshot") {
        const b = baseExec[0].origin;
        const e = execs[0];
        ctx.report(
          {
            start: e.node.keySpan.start,
            end: e.node.keySpan.end,
            code: "dropin-missing-reset",
            message: `${base.unitName} already has ExecStart= (${b.file}:${b.line}); this line adds a second one, and systemd refuses a Type=${type} service with two. Put an empty 'ExecStart=' line before it to replace the command.`,
            data: { insertLine: { at: e.node.start, text: "ExecStart=" } }
          },
          e
        );
      }
    }
    const selfPath = ctx.options.workspace?.().find((u) => u.analysis === analysis)?.path;
    const resetSeen = /* @__PURE__ */ new Set();
    const told = /* @__PURE__ */ new Set();
    for (const e of selfPath !== void 0 && isVendorUnitFile(selfPath) ? [] : entries) {
      const info = e.info;
      if (info.list !== "yes" || /^(Condition|Assert)/.test(info.name)) continue;
      if (info.section === "Service" && info.name === "ExecStart") continue;
      const trigger = info.section === "Timer" && TIMER_TRIGGERS.includes(info.name);
      const group = trigger ? "Timer.triggers" : `${info.section}.${info.name}`;
      if (e.node.value === "") {
        resetSeen.add(group);
        continue;
      }
      if (resetSeen.has(group) || told.has(group)) continue;
      const names = trigger ? [...TIMER_TRIGGERS] : [info.name];
      const vendorValues = names.flatMap((n) => eff.get(info.section, n)?.values ?? []).filter((v2) => isVendorUnitFile(v2.origin.file));
      if (!vendorValues.length) continue;
      told.add(group);
      const v = vendorValues[0];
      const shown2 = vendorValues.slice(0, 3).map((x) => x.value).join(", ");
      ctx.report(
        {
          start: e.node.keySpan.start,
          end: e.node.keySpan.end,
          code: "dropin-list-append",
          severity: "info",
          message: `${info.name}= adds to what ${base.unitName} already has (${shown2}${vendorValues.length > 3 ? ", \u2026" : ""} from ${v.origin.file}:${v.origin.line}), which stays in effect. To replace it, put an empty '${e.node.key}=' line first.`,
          data: {
            insertLine: { at: e.node.start, text: `${e.node.key}=` },
            related: [{ path: v.origin.file, line: v.origin.line, message: `the vendor's ${info.name}=` }]
          }
        },
        e
      );
    }
    const accepted = acceptedIn(ctx);
    const last = /* @__PURE__ */ new Map();
    const count = /* @__PURE__ */ new Map();
    for (const e of entries) {
      if (!accepted(e)) continue;
      const k = `${e.info.section}\0${e.info.name}`;
      last.set(k, e);
      count.set(k, (count.get(k) ?? 0) + 1);
    }
    for (const [k, e] of last) {
      if ((count.get(k) ?? 0) > 1) continue;
      if (e.info.list !== "no" || e.node.value === "") continue;
      const d = eff.get(e.info.section, e.info.name);
      if (!d || d.mode !== "single" || d.values.length !== 1) continue;
      const v = d.values[0];
      if (v.value !== e.node.value) continue;
      ctx.report(
        {
          start: e.node.start,
          end: e.node.valueSpan.end,
          code: "dropin-no-change",
          message: `${e.node.key}=${e.node.value} is already in effect (${v.origin.file}:${v.origin.line}); this line changes nothing and can go.`,
          data: { removeSpan: { start: e.node.start, end: e.node.end } }
        },
        e
      );
    }
  }
};

// server/src/services/rules/vendorModified.ts
init_shipped();
init_effective();
init_configDropIn();
var NAMED = 4;
var vendorModifiedRule = {
  stage: 4,
  name: "vendor-modified",
  codes: ["vendor-modified"],
  run(ctx) {
    const { analysis } = ctx;
    const config = analysis.file.kind === "config" && !analysis.file.dropIn ? analysis.dialect : void 0;
    if (analysis.file.kind !== "unit" && !config) return;
    const info = ctx.options.shipped?.();
    if (!info || !info.differs) return;
    if (info.conffile && analysis.file.kind === "config") {
      const header2 = analysis.sections.find((s) => s.section.header)?.section.header;
      const span2 = header2 ? header2.nameSpan : { start: 0, end: 0 };
      ctx.report({
        start: span2.start,
        end: span2.end,
        code: "vendor-modified",
        severity: "info",
        message: `${analysis.file.name} differs from the version ${info.package ? `package ${info.package}` : "its package"} shipped (${info.from}). An upgrade that changes it will stop and ask which version to keep; settings in a drop-in (${analysis.file.name}.d/*.conf, Create Override) avoid that and leave this file as shipped.`
      });
      return;
    }
    const header = analysis.sections.find((s) => s.section.header)?.section.header;
    let span = header ? header.nameSpan : { start: 0, end: 0 };
    let changed = [];
    const objects = [];
    if (info.text !== void 0 && config) {
      const d = diffConfig(config, info.text, analysis.doc.text);
      changed = [...d.changed].map((k) => k.replace("\0", "."));
      objects.push(...[...d.changedObjects].map((o) => `[${o}]`));
      const first = analysis.entries.find((e) => {
        const section = e.section.section.header?.name ?? "";
        return d.changed.has(`${section}\0${e.node.key}`) || d.changedObjects.has(section);
      });
      if (first) span = first.node.keySpan;
    } else if (info.text !== void 0) {
      const keys = changedDirectives(analysis.doc, info.text, analysis.unitType);
      changed = [...keys].map((k) => k.replace("\0", "."));
      const first = analysis.entries.find((e) => {
        if (!e.info) return false;
        const c = canonicalDirective(e.info.section, e.node.key);
        return keys.has(`${c.section}\0${c.name}`);
      });
      if (first) span = first.node.keySpan;
    }
    const names = [...changed.map((c) => `${c.slice(c.indexOf(".") + 1)}=`), ...objects];
    const list2 = names.length ? ` Changed: ${names.slice(0, NAMED).join(", ")}${names.length > NAMED ? ` and ${names.length - NAMED} more` : ""}.` : "";
    let message;
    if (info.source === "dpkg") {
      message = `This vendor file differs from the one shipped in package ${info.package ?? "?"} (its dpkg checksum does not match); a package upgrade will replace it and the change will be lost. The shipped text is not available here, so the difference cannot be shown: put your change in a drop-in, then get the shipped file back with 'apt-get install --reinstall ${info.package ?? "<package>"}'.`;
    } else if (names.length === 0) {
      message = `This vendor file differs from the shipped version (${info.from}) only in comments or layout; a package upgrade will replace it. Restore the shipped file.`;
    } else {
      message = `This vendor file differs from the shipped version (${info.from}); a package upgrade will replace it and the change will be lost. Move the change to a drop-in, or restore the shipped file.${list2}`;
    }
    ctx.report({
      start: span.start,
      end: span.end,
      code: "vendor-modified",
      message,
      data: {
        vendor: {
          source: info.source,
          from: info.from,
          ...info.package ? { package: info.package } : {},
          // The text itself stays out: it would travel with every publish (and back with every code action request).
          ...info.text !== void 0 ? { restorable: true } : {},
          changed
        }
      }
    });
  }
};

// server/src/services/rules/dialectFile.ts
function keysIn(analysis, s) {
  const keys = /* @__PURE__ */ new Set();
  for (const e of analysis.entries) {
    if (e.section !== s || !e.info || e.node.value === "") continue;
    keys.add(e.info.name);
    if (e.info.status === "renamed" && /^\w+$/.test(e.info.replacement)) keys.add(e.info.replacement);
  }
  return keys;
}
function keysInSection(analysis, name) {
  const keys = /* @__PURE__ */ new Set();
  for (const s of analysis.sections)
    if (s.status === "ok" && s.section.header?.name === name) for (const k of keysIn(analysis, s)) keys.add(k);
  return keys;
}
function lastValue2(analysis, section, key2) {
  let found;
  for (const e of analysis.entries)
    if (e.section.status === "ok" && e.section.section.header?.name === section && e.node.key === key2) found = e;
  return found;
}
function missing(required, keys) {
  return required.filter((alts) => !alts.some((k) => keys.has(k))).map((a) => [...a]);
}
var alternatives = (alts) => alts.map((k) => `${k}=`).join(" or ");
function firstHeader(analysis, name) {
  return analysis.sections.find((s) => s.status === "ok" && s.section.header?.name === name);
}
function fileSpan(analysis, section) {
  const h = firstHeader(analysis, section)?.section.header;
  if (h) return { start: h.nameSpan.start, end: h.nameSpan.end };
  const first = analysis.doc.nodes.find((n) => n.kind !== "blank" && n.kind !== "comment") ?? analysis.doc.nodes[0];
  return {
    start: first?.start ?? 0,
    end: first ? Math.max(
      first.start,
      first.end - (/\r?\n$/.exec(analysis.doc.text.slice(first.start, first.end))?.[0].length ?? 0)
    ) : 0
  };
}
function run(ctx, dialect) {
  const { analysis } = ctx;
  const dropIn = analysis.file.kind === "config" && analysis.file.dropIn;
  for (const check of dialect.wholeFileChecks) {
    switch (check.check) {
      case "match-required": {
        if (dropIn) break;
        if (keysInSection(analysis, check.section).size > 0) break;
        ctx.report({
          ...fileSpan(analysis, check.section),
          code: "file-ignored-no-match",
          message: `${cap(dialect.label)} without any [${check.section}] setting is ignored as a whole. To apply it to every interface, add ${check.catchAll} under [${check.section}].`
        });
        break;
      }
      case "file-required-keys": {
        if (dropIn) break;
        const info = dialect.section(check.section);
        if (!info) break;
        for (const alts of missing(info.required, keysInSection(analysis, check.section))) {
          ctx.report({
            ...fileSpan(analysis, check.section),
            code: "file-missing-required-key",
            message: `${cap(dialect.label)} needs ${alternatives(alts)} in [${check.section}]; without it ${dialect.strict?.refused ?? "systemd ignores the whole file"}.`
          });
        }
        break;
      }
      case "netdev-kind": {
        const kindEntry = lastValue2(analysis, "NetDev", "Kind");
        const kind = kindEntry?.node.value;
        if (!kind) break;
        const sections = /* @__PURE__ */ new Set();
        for (const s of analysis.sections) {
          const header = s.section.header;
          if (s.status !== "ok" || !header) continue;
          const info = dialect.section(header.name);
          sections.add(header.name);
          if (info?.netdevKinds && !info.netdevKinds.includes(kind)) {
            ctx.report({
              start: header.nameSpan.start,
              end: header.nameSpan.end,
              code: "section-wrong-kind",
              message: `[${header.name}] is read only for Kind=${info.netdevKinds.join(", Kind=")}; with Kind=${kind} systemd ignores the whole section.`,
              data: { related: [{ span: kindEntry.node.valueSpan, message: `the device kind: ${kind}` }] }
            });
          }
        }
        if (dropIn) break;
        for (const name of dialect.sections) {
          const info = dialect.section(name);
          if (!info?.netdevKinds?.includes(kind) || info.repeatable || !info.required.length) continue;
          for (const alts of missing(info.required, keysInSection(analysis, name))) {
            ctx.report({
              ...fileSpan(analysis, sections.has(name) ? name : "NetDev"),
              code: "file-missing-required-key",
              message: `A Kind=${kind} device needs ${alternatives(alts)} in [${name}]; without it systemd ignores the whole file.`
            });
          }
        }
        break;
      }
      case "object-required-keys": {
        for (const s of analysis.sections) {
          const header = s.section.header;
          if (s.status !== "ok" || !header) continue;
          const info = dialect.section(header.name);
          if (!info?.repeatable || !info.required.length) continue;
          for (const alts of missing(info.required, keysIn(analysis, s))) {
            ctx.report({
              start: header.nameSpan.start,
              end: header.nameSpan.end,
              code: "section-object-incomplete",
              message: `This [${header.name}] section has no ${alternatives(alts)}; systemd drops the whole section.`
            });
          }
        }
        break;
      }
      case "repeated-section": {
        const seen = /* @__PURE__ */ new Map();
        for (const s of analysis.sections) {
          const header = s.section.header;
          if (s.status !== "ok" || !header) continue;
          const info = dialect.section(header.name);
          if (!info || info.repeatable) continue;
          const first = seen.get(header.name);
          if (!first) {
            seen.set(header.name, s);
            continue;
          }
          ctx.report({
            start: header.nameSpan.start,
            end: header.nameSpan.end,
            code: "section-repeated",
            message: `[${header.name}] appears again; its settings merge with the earlier [${header.name}] as if written there (only sections such as [Address] or [Route] start a new object).`,
            data: { related: [{ span: first.section.header.nameSpan, message: `the first [${header.name}]` }] }
          });
        }
        break;
      }
    }
  }
}
function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}
var dialectFileRule = {
  stage: 4,
  name: "dialect-file",
  codes: [
    "file-ignored-no-match",
    "file-missing-required-key",
    "section-wrong-kind",
    "section-object-incomplete",
    "section-repeated"
  ],
  run(ctx) {
    const dialect = ctx.analysis.dialect;
    if (dialect?.wholeFileChecks.length) run(ctx, dialect);
  }
};

// server/src/services/rules/path.ts
var WATCHES = ["PathExists", "PathExistsGlob", "PathChanged", "PathModified", "DirectoryNotEmpty"];
var pathRule = {
  stage: 4,
  name: "path",
  codes: ["path-missing-watch"],
  run(ctx) {
    const view = unitViewOf(ctx, "path");
    if (!view || view.list("Path", WATCHES).length) return;
    ctx.report({
      ...view.anchor,
      code: "path-missing-watch",
      message: "This path unit watches nothing (no PathExists=, PathExistsGlob=, PathChanged=, PathModified= or DirectoryNotEmpty=); systemd refuses the unit."
    });
  }
};

// server/src/values/unitPath.ts
var VALID = /^[A-Za-z0-9:_.]$/;
function simplifyPath2(path) {
  const abs = path.startsWith("/");
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  const out = parts.join("/");
  return abs ? `/${out}` : out === "" ? "." : out;
}
function escapeBytes(ch) {
  return [...Buffer.from(ch, "utf8")].map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join("");
}
function escapePath(path) {
  if (!path.startsWith("/")) return void 0;
  const p = simplifyPath2(path);
  if (p === "/") return "-";
  const inner = p.slice(1);
  let out = "";
  let first = true;
  for (const ch of inner) {
    if (first && ch === ".") out += escapeBytes(ch);
    else if (ch === "/") out += "-";
    else if (ch === "-" || ch === "\\" || !VALID.test(ch)) out += escapeBytes(ch);
    else out += ch;
    first = false;
  }
  return out;
}
function unitNameFromPath(path, suffix) {
  const e = escapePath(path);
  return e === void 0 ? void 0 : `${e}.${suffix}`;
}
function isNormalizedAbsolute(p) {
  if (!p.startsWith("/")) return false;
  if (p === "/") return true;
  if (p.endsWith("/") || p.includes("//")) return false;
  return !p.split("/").slice(1).some((c) => c === "." || c === "..");
}
function unitNameToPath(unitName) {
  const dot = unitName.lastIndexOf(".");
  const stem = dot < 0 ? unitName : unitName.slice(0, dot);
  if (stem === "" || stem.includes("@")) return void 0;
  if (stem === "-") return "/";
  const bytes = [];
  for (let i = 0; i < stem.length; i++) {
    const c = stem[i];
    if (c === "-") {
      bytes.push(47);
      continue;
    }
    if (c === "\\") {
      const m = /^x([0-9a-fA-F]{2})/.exec(stem.slice(i + 1, i + 4));
      if (!m) return void 0;
      bytes.push(parseInt(m[1], 16));
      i += 3;
      continue;
    }
    bytes.push(...Buffer.from(c, "utf8"));
  }
  const path = `/${Buffer.from(bytes).toString("utf8")}`;
  return isNormalizedAbsolute(path) && !path.includes("\0") ? path : void 0;
}

// server/src/services/rules/mount.ts
var API_MOUNTS = /* @__PURE__ */ new Set([
  "/proc",
  "/sys",
  "/dev",
  "/sys/kernel/security",
  "/sys/fs/smackfs",
  "/dev/shm",
  "/dev/pts",
  "/run",
  "/run/lock",
  "/sys/fs/cgroup",
  "/sys/fs/pstore",
  "/sys/firmware/efi/efivars",
  "/sys/fs/bpf",
  "/sys/fs/selinux",
  "/dev/console",
  "/proc/kmsg",
  "/proc/sys",
  "/proc/sys/kernel/random/boot_id"
]);
function isApiMountPoint(path) {
  const p = simplifyPath2(path);
  return API_MOUNTS.has(p) || p.startsWith("/sys/fs/cgroup/") || p === "/run/host" || p.startsWith("/run/host/");
}
function pathOf(ctx, view, e, type, setting) {
  const name = view.unitName;
  if (e) {
    const value = e.node.value;
    if (value.includes("%") || !value.startsWith("/")) return void 0;
    const expected = unitNameFromPath(value, type);
    if (expected !== void 0 && expected !== name) {
      ctx.report({
        ...spanIn(ctx, e, view.anchor),
        code: "unit-name-path-mismatch",
        message: `${setting}=${value} belongs in a unit named ${expected}, not ${name}: the file name must be the escaped path (systemd-escape --path --suffix=${type} ${value}). systemd refuses the unit.`,
        data: { suggestions: [expected] }
      });
      return void 0;
    }
    return simplifyPath2(value);
  }
  const derived = unitNameToPath(name);
  if (derived === void 0) {
    ctx.report({
      ...view.anchor,
      code: "unit-name-path-mismatch",
      message: `The file name ${name} does not stand for a path (no empty, '.' or '..' components, no leading or trailing '-'; see systemd-escape --path), and ${setting}= is not set; systemd cannot load the unit.`
    });
  }
  return derived;
}
var mountRule = {
  stage: 4,
  name: "mount",
  codes: ["unit-name-path-mismatch", "mount-missing-what", "mount-api-path"],
  run(ctx) {
    const type = ctx.analysis.unitType;
    if (type !== "mount" && type !== "automount" && type !== "swap") return;
    const view = unitViewOf(ctx, type);
    if (!view || view.unitName.includes("@")) return;
    if (type === "swap") {
      pathOf(ctx, view, view.last("Swap", "What"), "swap", "What");
      return;
    }
    const section = type === "mount" ? "Mount" : "Automount";
    const where2 = view.last(section, "Where");
    const path = pathOf(ctx, view, where2, type, "Where");
    if (type === "mount") {
      if (path !== void 0 && isApiMountPoint(path)) {
        ctx.report({
          ...spanIn(ctx, where2, view.anchor),
          code: "mount-api-path",
          message: `${path} is an API file system that systemd mounts itself; systemd refuses a mount unit for it.`
        });
      }
      if (!view.last("Mount", "What") && view.unitName !== "-.mount") {
        ctx.report({
          ...view.anchor,
          code: "mount-missing-what",
          message: "This mount unit has no What= (the device, file or remote share to mount); systemd refuses the unit."
        });
      }
    } else if (path === "/") {
      ctx.report({
        ...spanIn(ctx, where2, view.anchor),
        code: "mount-api-path",
        message: "An automount unit cannot be set up for the root directory; systemd refuses the unit."
      });
    }
  }
};

// server/src/services/rules/slice.ts
function sliceNameProblem(name) {
  if (name === "-.slice") return void 0;
  const stem = name.replace(/\.slice$/, "");
  if (stem.includes("@")) return "slices cannot be templates or instances";
  if (stem.startsWith("-")) return "it starts with '-'";
  if (stem.endsWith("-")) return "it ends with '-'";
  if (stem.includes("--")) return "it contains '--'";
  return void 0;
}
var sliceRule = {
  stage: 4,
  name: "slice",
  codes: ["slice-invalid-name"],
  run(ctx) {
    const view = unitViewOf(ctx, "slice");
    if (!view) return;
    const problem2 = sliceNameProblem(view.unitName);
    if (!problem2) return;
    ctx.report({
      ...view.anchor,
      code: "slice-invalid-name",
      message: `${view.unitName} is not a valid slice name: ${problem2}. The dashes in a slice name name its parents (a-b.slice sits in a.slice); systemd cannot load this unit.`
    });
  }
};

// server/src/services/rules/unitLoad.ts
init_bool();
var PAM_SECTIONS = {
  service: { section: "Service", modes: ["control-group", "mixed"] },
  socket: { section: "Socket", modes: ["control-group"] },
  mount: { section: "Mount", modes: ["control-group"] },
  swap: { section: "Swap", modes: ["control-group"] }
};
var unitLoadRule = {
  stage: 4,
  name: "unit-load",
  codes: ["pam-kill-mode", "on-failure-isolate"],
  run(ctx) {
    const type = ctx.analysis.unitType;
    if (!type) return;
    const view = unitViewOf(ctx, type);
    if (!view) return;
    const pam = PAM_SECTIONS[type];
    if (pam) {
      const name = view.last(pam.section, "PAMName");
      const kill = view.last(pam.section, "KillMode");
      if (name && kill && !pam.modes.includes(kill.node.value)) {
        ctx.report({
          ...spanIn(ctx, kill, spanIn(ctx, name, view.anchor)),
          code: "pam-kill-mode",
          message: `With PAMName= set, KillMode= must be ${pam.modes.join(" or ")} for a ${type} unit, so that every process of the session is stopped; systemd refuses the unit.`
        });
      }
    }
    for (const which of ["OnFailure", "OnSuccess"]) {
      const mode = view.last("Unit", `${which}JobMode`);
      const isolateOld = which === "OnFailure" ? view.last("Unit", "OnFailureIsolate") : void 0;
      const isolate = mode ? mode.node.value === "isolate" : parseBoolean(isolateOld?.node.value ?? "") === true;
      if (!isolate) continue;
      const units2 = new Set(view.list("Unit", which).flatMap((e) => e.node.value.split(/\s+/).filter(Boolean)));
      if (units2.size > 1) {
        ctx.report({
          ...spanIn(ctx, mode ?? isolateOld, view.anchor),
          code: "on-failure-isolate",
          message: `${which}JobMode=isolate can start only one unit, but ${which}= names ${units2.size}; systemd refuses the unit.`
        });
      }
    }
  }
};

// server/src/services/rules/valueVersions.ts
init_parser();
var unknownWordsCache = /* @__PURE__ */ new WeakMap();
function wordsUnknownAt(info, target) {
  let byTarget = unknownWordsCache.get(info);
  if (!byTarget) unknownWordsCache.set(info, byTarget = /* @__PURE__ */ new Map());
  let words4 = byTarget.get(target);
  if (words4 === void 0) {
    const found = info.enumValues.filter((w) => {
      const since = enumValueSince(info.name, w);
      return since !== void 0 && !acceptsValue(since, target);
    });
    byTarget.set(target, words4 = found.length ? new Set(found) : null);
  }
  return words4;
}
var valueVersionsRule = {
  stage: 3,
  name: "value-versions",
  codes: ["value-newer-than-target"],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || !info.enumValues.length || !ctx.isClean(e)) continue;
      if (info.since > ctx.targetVersion) continue;
      const unknown = wordsUnknownAt(info, ctx.targetVersion);
      if (!unknown) continue;
      const value = e.node.value;
      for (const m of value.matchAll(/[^\s,]+/g)) {
        const word = m[0].replace(/^[~!+-]+/, "");
        const offset = (m.index ?? 0) + (m[0].length - word.length);
        if (!unknown.has(word)) continue;
        const since = enumValueSince(info.name, word);
        if (!since) continue;
        const span = valueSpanToDocument(e.node, offset, offset + word.length);
        ctx.report(
          {
            ...span,
            code: "value-newer-than-target",
            message: `${info.name}=${word} needs systemd ${since.since}${since.backportedTo.length ? ` (or a backport in ${since.backportedTo.join(", ")})` : ""}; systemd ${ctx.targetVersion} does not know it and ignores the line.`
          },
          e
        );
      }
    }
  }
};

// server/src/services/rules/execShell.ts
init_util();
init_parser();
init_cache();
import { basename as basename5 } from "node:path";
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "busybox", "fish", "csh", "tcsh", "env"]);
function shellSyntax(raw) {
  if (/^(?:\d?>>?|<|\d?>&\d|&>>?|\|\|?|&&)$/.test(raw)) return `'${raw}' is shell syntax`;
  if (/^(?:\d?>>?|<|&>)\/\S/.test(raw)) return `'${raw}' looks like a shell redirection`;
  if (/[^\\];$/.test(raw) && raw.length > 1)
    return `'${raw}' ends with ';', which does not end a command here (only a lone ';' does)`;
  if (raw.startsWith("~/") || raw === "~") return `'~' is not expanded to a home directory`;
  if (!/["']/.test(raw) && /(?:^|\/)[^=/]*[*?][^/]*$/.test(raw) && !/^-/.test(raw) && raw.includes("/"))
    return `the glob '${raw}' is not expanded`;
  return void 0;
}
var findings = new BoundedCache({ max: 2e4, ttlMs: Infinity });
function findShellSyntax(value) {
  const { words: words4, error } = splitWords(value, { unquote: true, cunescape: true, relax: true });
  if (error || !words4.length) return null;
  let atCommandStart = true;
  let skipRest = false;
  let prev = "";
  for (const w of words4) {
    if (w.raw === ";") {
      atCommandStart = true;
      skipRest = false;
      continue;
    }
    if (atCommandStart) {
      atCommandStart = false;
      prev = w.raw;
      const exe = w.text.replace(/^[-@:+!|]+/, "");
      skipRest = w.text.startsWith("|") || w.text.replace(/^[-:+!]+/, "").startsWith("@") || SHELLS.has(basename5(exe));
      if (w.text.replace(/^[-@:+!]+/, "").startsWith("|")) skipRest = true;
      continue;
    }
    if (skipRest) {
      prev = w.raw;
      continue;
    }
    const what = /^--[^=]+$/.test(prev) && /[*?]/.test(w.raw) && !/^[<>|&]/.test(w.raw) ? void 0 : shellSyntax(w.raw);
    prev = w.raw;
    if (what) return { start: w.start, end: w.end, what: ownString(what) };
  }
  return null;
}
var execShellRule = {
  stage: 3,
  name: "exec-shell",
  codes: ["exec-shell-syntax"],
  run(ctx) {
    for (const e of ctx.analysis.entries) {
      const info = e.info;
      if (!info || info.parser !== "config_parse_exec" || !ctx.isClean(e) || e.node.value === "") continue;
      const value = e.node.value;
      const f = value.length > 4096 ? findShellSyntax(value) : findings.get(value, () => findShellSyntax(value));
      if (!f) continue;
      ctx.report(
        {
          ...valueSpanToDocument(e.node, f.start, f.end),
          code: "exec-shell-syntax",
          message: `${f.what}: systemd does not run ${info.name}= through a shell, so the program gets it as a literal argument. Wrap the command in /bin/sh -c '\u2026' if you need the shell.`
        },
        e
      );
    }
  }
};

// server/src/services/rules/networkOnline.ts
init_parser();
var TARGET = "network-online.target";
var networkOnlineRule = {
  stage: 4,
  name: "network-online",
  codes: ["network-online-without-wants"],
  run(ctx) {
    const type = ctx.analysis.unitType;
    if (!type || type === "target") return;
    const view = unitViewOf(ctx, type);
    if (!view) return;
    const words4 = (name) => view.list("Unit", name).flatMap((e) => e.node.value.split(/\s+/));
    const after = ctx.analysis.entries.find(
      (e) => e.info?.section === "Unit" && e.info.name === "After" && e.node.value.split(/\s+/).includes(TARGET)
    );
    if (!after) return;
    if (["Wants", "Requires", "BindsTo", "Requisite", "Upholds"].some((n) => words4(n).includes(TARGET))) return;
    const at2 = after.node.value.search(/(?:^|\s)network-online\.target(?:\s|$)/);
    const from = at2 + (/\s/.test(after.node.value[at2] ?? "") ? 1 : 0);
    ctx.report(
      {
        ...valueSpanToDocument(after.node, from, from + TARGET.length),
        code: "network-online-without-wants",
        message: `After=${TARGET} only orders this unit after the target; nothing here pulls the target in, so the unit may start before the network is up. Add Wants=${TARGET} too.`
      },
      after
    );
  }
};

// server/src/services/rules/index.ts
init_quadlet();

// server/src/services/rules/hardening.ts
init_fixes();
var hardeningRule = {
  stage: 4,
  name: "hardening",
  codes: HARDENING_CHECKS.map((c) => c.code),
  run(ctx) {
    if (!ctx.options.security || ctx.analysis.unitType !== "service" || ctx.analysis.file.kind !== "unit") return;
    const header = ctx.analysis.doc.sections.find((s) => s.name === "Service" && s.header)?.header;
    if (!header) return;
    const score = ctx.options.security();
    if (!score) return;
    const lastLine = /* @__PURE__ */ new Map();
    for (const e of ctx.analysis.entries) if (e.info?.section === "Service") lastLine.set(e.node.key, e);
    for (const c of score.checks) {
      if (c.set !== false) continue;
      const fix = fixForCheck(c.id);
      const at2 = c.directive ? lastLine.get(c.directive) : void 0;
      const span = at2 ? at2.node.keySpan : header.nameSpan;
      ctx.report({
        start: span.start,
        end: span.end,
        code: hardeningCodeOf(c.json_field),
        message: `Exposure check ${c.id}: ${c.description}${c.exposure ? ` (${c.exposure} of the ${score.exposure} exposure)` : ""}.${fix ? ` ${fix.directive}=${fix.value} would pass it.` : ""}`
      });
    }
  }
};

// server/src/services/rules/index.ts
var RULES = [
  syntaxRule,
  sectionsRule,
  directivesRule,
  versionsRule,
  statusRule,
  duplicatesRule,
  valuesRule,
  userNobodyRule,
  watchdogRule,
  serviceWatchdogRule,
  fdHintsRule,
  serviceRule,
  dropInsRule,
  vendorModifiedRule,
  timerRule,
  socketRule,
  pathRule,
  mountRule,
  sliceRule,
  unitLoadRule,
  valueVersionsRule,
  execShellRule,
  literalTextRule,
  networkOnlineRule,
  dialectFileRule,
  quadletRule,
  hardeningRule
].sort((a, b) => a.stage - b.stage);

// server/src/services/diagnostics.ts
var DEFAULT_MAX_DIAGNOSTICS = 1e3;
function computeDiagnostics(analysis, options = {}, rules = RULES) {
  if (analysis.file.kind === "other") return [];
  const out = [];
  const flagged = /* @__PURE__ */ new Set();
  const overrides = options.severity ?? {};
  const max = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  let dropped = 0;
  let stage = 0;
  let current;
  const ctx = {
    analysis,
    targetVersion: options.targetVersion ?? NEWEST_VERSION,
    options,
    report(d, about) {
      if (current && !current.codes.includes(d.code))
        options.onRuleError?.(current.name, new Error(`reported '${d.code}', which it does not declare`));
      const override = overrides[d.code];
      if (override === "off") return;
      const severity = override ?? d.severity ?? defaultSeverity(d.code);
      if (about && severity === "error" && stage <= 2) flagged.add(about);
      if (out.length >= max) {
        dropped++;
        return;
      }
      out.push({
        start: d.start,
        end: d.end,
        code: d.code,
        message: d.message,
        severity,
        ...d.data ? { data: d.data } : {}
      });
    },
    isClean: (e) => !flagged.has(e),
    isFull: () => out.length >= max
  };
  for (const rule of rules) {
    stage = rule.stage;
    current = rule;
    try {
      rule.run(ctx);
    } catch (err3) {
      options.onRuleError?.(rule.name, err3);
    }
  }
  if (dropped > 0) {
    out.push({
      start: 0,
      end: 0,
      code: "too-many-problems",
      severity: "info",
      message: `${dropped} more problem(s) not shown: the limit is ${max} per file.`
    });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return applySuppressions(analysis, out);
}
var SUPPRESSION = /^[#;]\s*systemd-units:\s*(ignore|ignore-file)\s+([a-z0-9*,\s-]+?)\s*$/;
function applySuppressions(analysis, diags) {
  const nodes = analysis.doc.nodes;
  const text = analysis.doc.text;
  let fileWide;
  const ranges = [];
  let pending;
  for (const n of nodes) {
    if (n.kind === "comment") {
      const m = SUPPRESSION.exec(text.slice(n.start, n.end).replace(/[\r\n]+$/, ""));
      if (!m) continue;
      const codes = new Set(m[2].split(/[\s,]+/).filter(Boolean));
      if (m[1] === "ignore-file") fileWide = /* @__PURE__ */ new Set([...fileWide ?? [], ...codes]);
      else pending = /* @__PURE__ */ new Set([...pending ?? [], ...codes]);
      continue;
    }
    if (n.kind === "blank") continue;
    if (pending) {
      ranges.push({ start: n.start, end: n.end, codes: pending });
      pending = void 0;
    }
  }
  if (!fileWide && !ranges.length) return diags;
  const hit = (set, code) => !!set && (set.has(code) || set.has("*"));
  return diags.filter(
    (d) => !hit(fileWide, d.code) && !ranges.some((r) => d.start >= r.start && d.start < Math.max(r.end, r.start + 1) && hit(r.codes, d.code))
  );
}

// server/src/languageService.ts
init_context2();
init_commandNames();
init_safeRead();

// server/src/services/settings.ts
init_catalog();
init_drivers();

// server/src/units/localSystemd.ts
init_cache();
var cache = new BoundedCache({ max: 2, ttlMs: 10 * 60 * 1e3 });

// server/src/units/localPodman.ts
init_cache();
var cache2 = new BoundedCache({ max: 2, ttlMs: 10 * 60 * 1e3 });

// server/src/services/settings.ts
init_dialects();
var DEFAULT_PRELOAD_LIBRARY = "/usr/local/lib/sockethack/libsockethack.so";
var WATCHDOG_DRIVER_CHOICES = ["auto", ...WATCHDOG_DRIVERS.map((d) => d.id), "custom"];
function defaultSettings() {
  return {
    targetVersion: NEWEST_VERSION,
    targetVersionSetting: "auto",
    targetVersionFrom: "newest",
    podmanVersion: NEWEST_PODMAN,
    podmanVersionSetting: "auto",
    podmanVersionFrom: "newest",
    severity: {},
    unitSearchPaths: [],
    maxDiagnostics: 1e3,
    manPages: true,
    watchdogDriver: "auto",
    watchdogCustomRange: { min: 1, max: 600 },
    preloadLibrary: DEFAULT_PRELOAD_LIBRARY,
    hardeningDiagnostics: true
  };
}
function watchdogLimitsFor(s, kernel) {
  if (s.watchdogDriver === "auto") return kernel() ?? limitsForDriver(DEFAULT_WATCHDOG_DRIVER);
  return limitsForDriver(s.watchdogDriver, s.watchdogCustomRange);
}

// server/src/units/siblings.ts
init_fileKind();
init_safeRead();
init_searchPaths();
init_cache();
import { readdirSync as readdirSync4, statSync as statSync4 } from "node:fs";
import { join as join8, resolve as resolve2 } from "node:path";
var MAX_FILES2 = 500;
var MAX_SIBLING_BYTES = 1024 * 1024;
var cache3 = new BoundedCache({
  max: 5e3,
  ttlMs: Infinity
});
function load(path, loader, allowedRoots) {
  try {
    const st = statSync4(path);
    if (!st.isFile() || st.size > MAX_SIBLING_BYTES) return void 0;
    const hit = cache3.peek(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.loader === loader) return { path, unit: hit.unit };
    const r = readTextFileSafe(path, { maxBytes: MAX_SIBLING_BYTES, allowedRoots });
    if (!r.ok) return void 0;
    const unit = loader(path, r.text);
    cache3.set(path, { mtimeMs: st.mtimeMs, loader, unit });
    return { path, unit };
  } catch {
    return void 0;
  }
}
var LISTING_TTL_MS = 3e3;
var listings = new BoundedCache({ max: 200, ttlMs: LISTING_TTL_MS });
function list(dir) {
  return listings.get(dir, () => {
    try {
      return readdirSync4(dir);
    } catch {
      return [];
    }
  });
}
var units = new BoundedCache({
  max: 50,
  ttlMs: LISTING_TTL_MS
});
function allowedRootsFor(dir, readRoots = []) {
  const abs = resolve2(dir);
  const host = hostSystemdFolders();
  if (isInsideRoots(abs, host)) return void 0;
  const mirror = unitPathRoot(`${abs}/`);
  return [mirror && mirror.root !== "/" ? mirror.root : abs, ...readRoots.map((r) => resolve2(r)), ...host];
}
function siblingUnits(dir, loader, opts = {}) {
  const hit = units.peek(dir);
  if (hit && hit.loader === loader) return hit.units;
  const out = scan(dir, loader, allowedRootsFor(dir, opts.readRoots));
  units.set(dir, { loader, units: out });
  return out;
}
function scan(dir, loader, allowedRoots) {
  const out = [];
  const names = list(dir);
  for (const n of names.slice(0, MAX_FILES2)) {
    const p = join8(dir, n);
    if (n.endsWith(".d")) {
      const inner = list(p).filter((x) => x.endsWith(".conf")).slice(0, 50);
      for (const i of inner) {
        const u = load(join8(p, i), loader, allowedRoots);
        if (u) out.push(u);
      }
      continue;
    }
    if (fileKindOf(p).kind === "unit") {
      const u = load(p, loader, allowedRoots);
      if (u) out.push(u);
    }
  }
  return out;
}

// server/src/languageService.ts
init_quadletFiles();

// server/src/units/baseUnit.ts
init_hierarchy();
init_effective();
init_searchPaths();
init_unitWorld();
import { basename as basename6, dirname as dirname7 } from "node:path";
function baseUnitOf(dropInPath, unitName, opts = {}) {
  const o = "lstat" in opts ? { fs: opts } : opts;
  const fs = o.fs ?? realFs;
  if (!appliesToOneUnit(unitName, unitName.slice(unitName.lastIndexOf(".") + 1))) return void 0;
  const m = /\/systemd\/(?:system|user)\/[^/]+\.d\/[^/]+$/.test(dropInPath) ? unitPathRoot(dropInPath) : void 0;
  const h = findUnitHierarchyInRoots(unitName, {
    roots: o.roots ?? unitWorldOf(dropInPath).roots,
    scope: o.scope ?? m?.scope ?? "system",
    fs,
    // The drop-in's own folder is searched first (a folder of units that does not mirror a root).
    unitDirs: [dirname7(dirname7(dropInPath))],
    readRoots: o.readRoots
  });
  if (!h.fragment || h.masked) {
    return { unitName, found: !!h.fragment, inSearchPath: !!m, effective: void 0, fragmentPath: h.fragment?.path };
  }
  const mine = basename6(dropInPath);
  const sources = [
    { path: h.fragment.path, text: readHierarchyFile(fs, h.fragment) ?? "", vendor: h.fragment.vendor }
  ];
  for (const d of h.dropIns) {
    if (d.path === dropInPath || d.name >= mine) continue;
    sources.push({ path: d.path, text: d.masked ? "" : readHierarchyFile(fs, d) ?? "", vendor: d.vendor });
  }
  return { unitName, found: true, inSearchPath: !!m, effective: mergeUnit(sources), fragmentPath: h.fragment.path };
}

// server/src/languageService.ts
init_hierarchy();
init_effective();
init_unitIndex();
init_unitWorld();
init_searchPaths();
init_shipped();
init_configDropIn();

// server/src/watchdog/sysfs.ts
init_drivers();

// server/src/languageService.ts
init_cache();
init_safeRead();
init_security();
init_tokenLegend();
init_commandNames();
init_lineIndex();
init_bytes();
init_parser();
init_fileKind();
init_dialects();
init_configHierarchy();
init_configDropIn();
init_catalog();
init_unitWorld();
init_drivers();
init_evaluate();
init_hierarchy();
init_effective();
init_minimalDropIn();
init_overrideTemplate();
init_searchPaths();
init_unitIndex();
init_safeRead();
init_writeTarget();
init_shipped();
init_security();
init_calendarSpec();
var features;
var loadingFeatures;
function loadLanguageFeatures() {
  return loadingFeatures ??= Promise.resolve().then(() => (init_onDemand(), onDemand_exports)).then((m) => {
    features = m;
  });
}
function od() {
  if (!features) throw new Error("language features are not loaded yet: await loadLanguageFeatures() first");
  return features;
}
function partOfUnit(unitName, unitType, path, docPath) {
  const folder = basename11(dirname10(path));
  if (folder === `${unitType}.d` || dropInDirNamesFor(unitName).some((d) => `${d.name}.d` === folder)) return true;
  if (basename11(path) !== unitName) return false;
  const a = unitPathRoot(path);
  const b = unitPathRoot(docPath);
  return a !== void 0 && b !== void 0 && a.root === b.root && a.scope === b.scope;
}
function unitFolderOf(doc) {
  const inDropInFolder = doc.file.kind === "dropin" || doc.file.kind === "config" && doc.file.dropIn;
  return inDropInFolder ? dirname10(dirname10(doc.path)) : dirname10(doc.path);
}
function createLanguageService(env = {}) {
  const settings = env.settings ?? defaultSettings;
  const now = env.now ?? Date.now;
  const fs = env.fs ?? realFs;
  const lookupFs = cachedLookups(fs, 2e3, now);
  const fileExists = env.fileExists ?? existsSync5;
  const kernel = env.kernelWatchdogLimits ?? (() => void 0);
  const workspaceFolders = env.workspaceFolders ?? (() => []);
  const effectiveCache = new BoundedCache({ max: 200, ttlMs: 3e3, now });
  const unitIndex = new UnitIndex();
  let indexRoots = "";
  const shippedOf = (doc) => {
    if (doc.file.kind === "config" && !doc.file.dropIn && doc.analysis.dialect) {
      const location = vendorConfigLocation(doc.path, doc.analysis.dialect, doc.file.name);
      if (location)
        return env.shipped ? env.shipped(doc.path, doc.text) : shippedInfo(doc.path, doc.text, { savedText: env.savedText?.(doc.path), location });
      const etc = etcConfigLocation(doc.path, doc.analysis.dialect, doc.file.name);
      if (!etc) return void 0;
      const info = env.shipped ? env.shipped(doc.path, doc.text) : conffileInfo(doc.path, doc.text, etc);
      return info && { ...info, conffile: true };
    }
    if (doc.file.kind !== "unit" || !isVendorUnitFile(doc.path)) return void 0;
    return env.shipped ? env.shipped(doc.path, doc.text) : shippedInfo(doc.path, doc.text, { savedText: env.savedText?.(doc.path) });
  };
  const workspaceDocCache = new BoundedCache({ max: 2e3, ttlMs: 5e3, now });
  function workspaceDocuments() {
    const out = [];
    const roots = workspaceFolders();
    for (const name of index().unitNames()) {
      for (const p of index().find(name)) {
        if (!roots.some((w) => p.startsWith(`${w}/`))) continue;
        const d = workspaceDocCache.get(p, () => {
          const r = readTextFileSafe(p, { allowedRoots: [...roots] });
          return r.ok ? createDocument(p, r.text) : void 0;
        });
        if (d) out.push(d);
      }
    }
    return out;
  }
  const analyseSibling = (path, text) => ({
    path,
    analysis: createDocument(path, text).analysis
  });
  const groupOf = (d) => {
    const w = unitPathRoot(d.path);
    return w ? `root\0${w.root}\0${w.scope}` : `dir\0${unitFolderOf(d)}`;
  };
  let openIndex;
  function openInGroup(group) {
    const key2 = env.openDocumentsKey?.();
    if (key2 === void 0) return [...env.openDocuments?.() ?? []].filter((d) => groupOf(d) === group);
    if (!openIndex || openIndex.key !== key2) {
      const byFolder = /* @__PURE__ */ new Map();
      for (const d of env.openDocuments?.() ?? []) {
        const g = groupOf(d);
        const list2 = byFolder.get(g);
        if (list2) list2.push(d);
        else byFolder.set(g, [d]);
      }
      openIndex = { key: key2, byFolder };
    }
    return openIndex.byFolder.get(group) ?? [];
  }
  function workspaceAround(doc) {
    const open = /* @__PURE__ */ new Map();
    for (const d of openInGroup(groupOf(doc))) open.set(d.path, { path: d.path, analysis: d.analysis });
    open.set(doc.path, { path: doc.path, analysis: doc.analysis });
    const out = [...open.values()];
    if (env.readSiblings !== false) {
      for (const u of siblingUnits(unitFolderOf(doc), analyseSibling, { readRoots: workspaceFolders() }))
        if (!open.has(u.path)) {
          open.set(u.path, u.unit);
          out.push(u.unit);
        }
    }
    if (doc.analysis.dialect?.id.startsWith("quadlet-")) {
      for (const u of quadletFilesAround(doc.path, analyseSibling, { readRoots: workspaceFolders() }))
        if (!open.has(u.path)) {
          open.set(u.path, u.unit);
          out.push(u.unit);
        }
    }
    return out;
  }
  function quadletAround(doc) {
    if (!doc.analysis.dialect?.id.startsWith("quadlet-")) return [];
    const self = resolve5(doc.path);
    const out = quadletFilesAround(doc.path, analyseSibling, { readRoots: workspaceFolders() }).filter((u) => resolve5(u.path) !== self).map((u) => u.unit);
    return [{ path: doc.path, analysis: doc.analysis }, ...out];
  }
  function diagnosticOptions(doc) {
    const s = settings();
    const file = doc.file;
    return {
      watchdog: watchdogLimitsFor(s, kernel),
      workspace: () => workspaceAround(doc),
      baseUnit: file.kind === "dropin" ? () => baseUnitOf(doc.path, file.unitName, {
        roots: unitWorldOf(doc.path).roots,
        fs: lookupFs,
        readRoots: workspaceFolders()
      }) : void 0,
      shipped: file.kind === "unit" || file.kind === "config" ? () => shippedOf(doc) : void 0,
      security: s.hardeningDiagnostics && file.kind === "unit" && file.unitType === "service" ? () => securityOf(doc)?.score : void 0,
      targetVersion: s.targetVersion,
      podmanVersion: s.podmanVersion,
      severity: s.severity,
      maxDiagnostics: s.maxDiagnostics,
      onRuleError: (rule, err3) => env.log?.(`rule ${rule} failed: ${err3 instanceof Error ? err3.stack ?? err3.message : String(err3)}`)
    };
  }
  function index() {
    const s = settings();
    const key2 = JSON.stringify([workspaceFolders(), s.unitSearchPaths]);
    if (key2 !== indexRoots) {
      unitIndex.setRoots([...workspaceFolders()], s.unitSearchPaths);
      indexRoots = key2;
    }
    return unitIndex;
  }
  function effectiveOf(doc) {
    const file = doc.file;
    if (file.kind !== "unit" && file.kind !== "dropin" || !appliesToOneUnit(file.unitName, file.unitType))
      return void 0;
    const world = unitWorldOf(doc.path);
    const key2 = `${world.root}\0${world.scope}\0${unitFolderOf(doc)}\0${file.unitName}`;
    return effectiveCache.get(key2, () => {
      const h = findUnitHierarchyInRoots(file.unitName, {
        roots: world.roots,
        scope: world.scope,
        fs: lookupFs,
        readRoots: workspaceFolders(),
        unitDirs: [unitFolderOf(doc)]
      });
      return h.fragment || h.dropIns.length ? loadEffectiveUnit(h, lookupFs).effective : void 0;
    });
  }
  function originNote(doc, offset) {
    const node = nodeAt(doc.tree.nodes, offset);
    if (!node || node.kind !== "assignment" || offset > node.keySpan.end) return void 0;
    const section = sectionAt(doc.analysis, offset).section.name;
    if (!section) return void 0;
    const info = effectiveOf(doc)?.originOf(section, node.key);
    return info && (info.overridden.length || info.setBy.some((o) => o.file !== doc.path)) ? info.message : void 0;
  }
  function describeUnitFile(name, workspaceOnly = false) {
    const inWorkspace = (p) => workspaceFolders().some((w) => p.startsWith(`${w}/`));
    if (workspaceOnly && !index().candidates(name).some(inWorkspace)) return void 0;
    const path = index().find(name)[0];
    if (!path) return void 0;
    if (workspaceOnly && !inWorkspace(path)) return void 0;
    const d = workspaceDocCache.get(path, () => service.parseFile(path));
    const description = d?.analysis.entries.find((e) => e.info?.section === "Unit" && e.info.name === "Description")?.node.value;
    return { path, ...description ? { description } : {} };
  }
  const accounts = new BoundedCache({ max: 4, ttlMs: 3e4, now });
  const accountNames = (file) => accounts.get(file, () => {
    const r = readTextFileSafe(file, { maxBytes: 4 * 1024 * 1024 });
    return r.ok ? [
      ...new Set(
        r.text.split("\n").map((l) => l.split(":")[0]).filter((n) => /^[a-z_][a-z0-9_.-]*\$?$/i.test(n))
      )
    ] : [];
  });
  const commandId = (id) => id.startsWith("systemd.") && !env.clientCommands?.() ? `systemd-units.${id.slice("systemd.".length)}` : id;
  const securityCache = new BoundedCache({ max: 100, ttlMs: 3e3, now });
  const openUnitFiles = new BoundedCache({ max: 100, ttlMs: 6e4, now });
  const parseIds = /* @__PURE__ */ new WeakMap();
  let nextParseId = 0;
  const versionOf = (d) => {
    let id = parseIds.get(d);
    if (id === void 0) parseIds.set(d, id = ++nextParseId);
    return id;
  };
  function securityOf(doc) {
    const file = doc.file;
    if (file.kind !== "unit" && file.kind !== "dropin" || file.unitType !== "service") return void 0;
    if (!appliesToOneUnit(file.unitName, file.unitType) || doc.oversize !== void 0) return void 0;
    const version = settings().targetVersion;
    const digest = securityInputKey(doc.analysis);
    const others = [...env.openDocuments?.() ?? []].filter((d) => d.path !== doc.path && partOfUnit(file.unitName, file.unitType, d.path, doc.path)).map((d) => `${d.path}\0${versionOf(d)}`).sort().join("\0");
    const compute = () => {
      const world = unitWorldOf(doc.path);
      const h = findUnitHierarchyInRoots(file.unitName, {
        roots: world.roots,
        scope: world.scope,
        fs: lookupFs,
        readRoots: workspaceFolders(),
        unitDirs: [unitFolderOf(doc)]
      });
      const self2 = resolve5(doc.path);
      const open = /* @__PURE__ */ new Map([[self2, doc.text]]);
      for (const d of env.openDocuments?.() ?? []) if (!open.has(resolve5(d.path))) open.set(resolve5(d.path), d.text);
      const sources = sourcesWithOverrides(h, lookupFs, (p) => open.get(p), doc.path);
      if (!sources.length) return void 0;
      const i = sources.findIndex((s) => resolve5(s.path) === self2);
      return {
        // This document's source is merged from its parse (no second parse of the text).
        score: scoreService(
          mergeUnit(sources.map((s, j) => j === i ? { ...s, doc: doc.analysis.doc } : s)),
          file.unitName,
          version
        ),
        sources,
        unitName: file.unitName,
        self: i >= 0 ? i : void 0
      };
    };
    const key2 = `${version}\0${doc.path}\0${digest}\0${others}`;
    if (openUnitFiles.peek(doc.path) !== others) {
      openUnitFiles.set(doc.path, others);
      const fresh2 = compute();
      securityCache.set(key2, fresh2);
      return fresh2;
    }
    const hit = securityCache.get(key2, compute);
    if (!hit || hit.self === void 0 || hit.sources[hit.self]?.text === doc.text) return hit;
    const self = hit.self;
    return { ...hit, sources: hit.sources.map((s, j) => j === self ? { ...s, text: doc.text } : s) };
  }
  function hardeningActions(doc, diagnostics, caEnv) {
    const fixes = diagnostics.filter((d) => typeof d.code === "string" && d.code.startsWith("hardening-"));
    if (!fixes.length) return [];
    const sec = securityOf(doc);
    if (!sec) return [];
    const vendor = isVendorUnitFile(doc.path);
    const out = [];
    for (const d of fixes) {
      const h = fixForCode(String(d.code));
      if (!h) continue;
      const line = fixLine({ directive: h.directive, value: h.value });
      const self = sec.self;
      if (!vendor && self !== void 0 && doc.file.kind === "unit") {
        const assignments2 = doc.analysis.entries.filter((e) => e.info?.section === "Service").map((e) => e.node);
        const w = fixEdit(doc.text, assignments2, { directive: h.directive, value: h.value });
        const after = scoreService(
          mergeUnit(sec.sources.map((s, i) => i === self ? { ...s, text: w.text } : s)),
          sec.unitName,
          sec.score.version
        );
        const change = `exposure ${sec.score.exposure} \u2192 ${after.exposure} ${after.label}`;
        out.push({
          title: `${w.replaced ? "Set" : "Add"} ${line} (${change})`,
          kind: "quickfix",
          diagnostics: [d],
          edit: {
            changes: { [caEnv.uri]: [{ range: caEnv.toRange({ start: w.start, end: w.end }), newText: w.newText }] }
          }
        });
      } else {
        const after = scoreWithLine(sec.sources, sec.unitName, sec.score.version, line);
        const change = `exposure ${sec.score.exposure} \u2192 ${after.exposure} ${after.label}`;
        const title = `Add ${line} in a drop-in (${change})`;
        out.push({
          title,
          kind: "quickfix",
          diagnostics: [d],
          command: {
            title,
            command: "systemd.hardenService",
            arguments: [caEnv.uri, { directive: h.directive, value: h.value }]
          }
        });
      }
    }
    return out;
  }
  function codeLenses(doc, uri) {
    const file = doc.file;
    if (file.kind !== "unit" || !appliesToOneUnit(file.unitName, file.unitType)) return [];
    const world = unitWorldOf(doc.path);
    const h = findUnitHierarchyInRoots(file.unitName, {
      roots: world.roots,
      scope: world.scope,
      fs: lookupFs,
      readRoots: workspaceFolders(),
      unitDirs: [unitFolderOf(doc)]
    });
    const lenses = od().dropInLens(doc, uri, h.dropIns.length);
    const sec = file.unitType === "service" ? securityOf(doc) : void 0;
    const header = doc.tree.nodes.find((n) => n.kind === "section" && n.name === "Service");
    if (sec && header)
      lenses.push({
        span: { start: header.start, end: header.start },
        title: securityLensTitle(sec.score),
        command: "systemd.showSecurity",
        arguments: [uri]
      });
    return lenses;
  }
  const service = {
    settings,
    parse: (path, text) => parseCapped(path, text),
    parseFile(path) {
      const r = readTextFileSafe(path);
      return r.ok ? parseCapped(path, r.text) : void 0;
    },
    getDiagnostics(doc) {
      if (doc.oversize !== void 0) return [oversizeDiagnostic(doc.oversize)];
      return computeDiagnostics(doc.analysis, diagnosticOptions(doc));
    },
    getCompletions: (doc, offset) => od().getCompletions(doc, offset, {
      targetVersion: settings().targetVersion,
      unitNames: () => index().unitNames(),
      // The workspace's own units only: reading every system unit for a list of 2,000 names would be slow.
      describeUnit: (name) => describeUnitFile(name, true)?.description,
      users: () => accountNames("/etc/passwd"),
      groups: () => accountNames("/etc/group"),
      quadletFiles: () => quadletAround(doc)
    }),
    resolveCompletion(doc, data, label) {
      if (data.path !== doc.path || data.offset < 0 || data.offset > doc.text.length) return void 0;
      const it = service.getCompletions(doc, data.offset).find((c) => c.label === label);
      return it ? { detail: it.detail, documentation: it.documentation } : void 0;
    },
    getHover(doc, offset) {
      const s = settings();
      const h = od().getHover(doc, offset, {
        targetVersion: s.targetVersion,
        podmanVersion: s.podmanVersion,
        manPages: s.manPages,
        watchdog: watchdogLimitsFor(s, kernel),
        fileExists,
        describeUnit: describeUnitFile,
        now: env.now
      });
      const node = nodeAt(doc.tree.nodes, offset);
      const sec = node?.kind === "section" && node.name === "Service" ? securityOf(doc) : void 0;
      if (sec && node) {
        const md = securityHoverMarkdown(sec.score);
        return h ? { ...h, markdown: `${md}

---
${h.markdown}` } : { markdown: md, span: { start: node.start, end: node.end } };
      }
      if (!h) return void 0;
      const origin = originNote(doc, offset);
      return origin ? { ...h, markdown: `${escapeMarkdown(origin)}

---
${h.markdown}` } : h;
    },
    getDocumentSymbols: (doc) => od().getDocumentSymbols(doc),
    getFoldingRanges: (doc) => od().getFoldingRanges(doc),
    getDocumentLinks: (doc) => od().getDocumentLinks(doc, fileExists),
    getDefinition(doc, offset) {
      const seen = /* @__PURE__ */ new Set();
      return od().getDefinition(doc, offset, index(), () => quadletAround(doc)).filter((t2) => {
        let real = t2.path;
        try {
          real = realpathSync4(t2.path);
        } catch {
        }
        if (seen.has(real)) return false;
        seen.add(real);
        return true;
      });
    },
    getCodeActions: (doc, diagnostics, offset, caEnv) => [
      ...od().getCodeActions(doc, diagnostics, { ...caEnv, shippedText: () => shippedOf(doc)?.text }),
      ...hardeningActions(doc, diagnostics, caEnv),
      ...od().getMoveToDropInActions(doc, offset, caEnv.uri, shippedOf(doc))
    ].map(
      (a) => "command" in a && a.command ? { ...a, command: { ...a.command, command: commandId(a.command.command) } } : a
    ),
    planCommand(command, args) {
      const pathArg = (i) => {
        const a = args[i];
        if (typeof a !== "string") return void 0;
        try {
          const p = a.startsWith("file:") ? fileURLToPath2(a) : a;
          return resolve5(p) === p ? p : void 0;
        } catch {
          return void 0;
        }
      };
      const s = settings();
      const cenv = {
        workspaceFolders: workspaceFolders(),
        fs,
        probe: env.probe ?? od().realProbe,
        exists: (p) => fileExists(p),
        openDocument: (p) => [...env.openDocuments?.() ?? []].find((d) => d.path === p),
        parseFile: (p) => service.parseFile(p),
        shipped: (d) => shippedOf(d),
        readText: (p) => {
          const r = readTextFileSafe(p, { maxBytes: 64 * 1024 * 1024 });
          return r.ok ? r.text : void 0;
        },
        watchdog: watchdogLimitsFor(s, kernel),
        preloadLibrary: s.preloadLibrary
      };
      const path = pathArg(0);
      const need = () => ({
        kind: "error",
        message: `${command} needs the file it applies to (a file URI, or an absolute path without . or .. parts) as its first argument.`
      });
      switch (command) {
        case SERVER_COMMANDS.createOverride:
          return path ? od().planCreateOverride(path, cenv, typeof args[1] === "string" ? args[1] : void 0) : need();
        case SERVER_COMMANDS.showDropIns:
          return path ? od().planShowDropIns(path, cenv) : need();
        case SERVER_COMMANDS.showEffectiveUnit:
          return path ? od().planShowEffective(path, cenv) : need();
        case SERVER_COMMANDS.moveToDropIn:
          return path ? od().planMoveChangeToDropIn(path, cenv, typeof args[1] === "number" ? args[1] : void 0) : need();
        case SERVER_COMMANDS.convertFullCopy:
          return path ? od().planConvertFullCopy(path, cenv) : need();
        case SERVER_COMMANDS.setHardwareWatchdog:
          return od().planSetHardwareWatchdog(path, cenv, typeof args[1] === "number" ? args[1] : void 0);
        case SERVER_COMMANDS.showGeneratedUnit: {
          const d = path ? cenv.openDocument(path) ?? cenv.parseFile(path) : void 0;
          if (!d) return path ? { kind: "error", message: `${path} cannot be read.` } : need();
          const g = od().planGeneratedUnit(d.path, d.analysis, quadletAround(d));
          return "error" in g ? { kind: "error", message: g.error } : { kind: "text", title: `Generated ${g.name}`, text: g.text };
        }
        case SERVER_COMMANDS.showSecurity: {
          const d = path ? cenv.openDocument(path) ?? cenv.parseFile(path) : void 0;
          if (!d) return path ? { kind: "error", message: `${path} cannot be read.` } : need();
          return od().planShowSecurity(d.path, securityOf(d)?.score);
        }
        case SERVER_COMMANDS.hardenService: {
          const d = path ? cenv.openDocument(path) ?? cenv.parseFile(path) : void 0;
          if (!d) return path ? { kind: "error", message: `${path} cannot be read.` } : need();
          const sec = securityOf(d);
          const a = args[1];
          const line = a && typeof a === "object" && typeof a.directive === "string" ? {
            directive: a.directive,
            value: String(a.value ?? "")
          } : void 0;
          return od().planHardenService(d.path, cenv, {
            sources: sec?.sources ?? [],
            version: s.targetVersion,
            level: a === "strict" ? "strict" : "safe",
            line
          });
        }
        case SERVER_COMMANDS.generateSocketUnits:
          return path && typeof args[1] === "string" ? od().planGenerateSocketUnits(path, args[1], cenv) : { kind: "error", message: `${command} takes the strace log and the service name.` };
        default:
          return { kind: "error", message: `Unknown command ${command}.` };
      }
    },
    getFormattingEdits: (doc) => doc.oversize !== void 0 ? [] : od().formatDocument(doc),
    getSemanticTokens: (doc) => od().getSemanticTokens(doc),
    getDocumentHighlights: (doc, offset) => od().getDocumentHighlights(doc, offset),
    getReferences(doc, offset) {
      if (doc.analysis.dialect?.id.startsWith("quadlet-")) {
        const qname = od().quadletRefAt(doc.analysis, offset)?.name ?? (doc.file.kind === "config" && !doc.file.dropIn ? doc.file.name : void 0);
        if (qname) return od().quadletMentions(qname, quadletAround(doc));
      }
      const name = od().unitNameAt(doc, offset);
      return name ? od().findUnitReferences(name, [doc, ...env.openDocuments?.() ?? [], ...workspaceDocuments()]) : [];
    },
    prepareRename(doc, offset) {
      const name = od().unitNameAt(doc, offset);
      return name ? { name } : void 0;
    },
    getRename(doc, offset, newName) {
      const name = od().unitNameAt(doc, offset);
      if (!name) return { error: "Put the cursor on a unit name to rename it." };
      const check = od().validateUnitName(newName);
      if (!check.ok) return { error: `'${newName}' is not a valid unit name: ${check.reason}` };
      if (newName.slice(newName.lastIndexOf(".")) !== name.slice(name.lastIndexOf(".")))
        return { error: `A unit keeps its type: ${name} cannot become ${newName}.` };
      const refs = od().findUnitReferences(name, [doc, ...env.openDocuments?.() ?? [], ...workspaceDocuments()]);
      const files = [
        ...new Set([...index().find(name)].filter((p) => workspaceFolders().some((w) => p.startsWith(`${w}/`))))
      ];
      return {
        oldName: name,
        newName,
        edits: refs.map((r) => ({ ...r, newText: newName })),
        renameFiles: files.map((p) => ({ from: p, to: `${dirname10(p)}/${newName}` }))
      };
    },
    getWorkspaceSymbols(query) {
      const q2 = query.toLowerCase();
      const out = [];
      for (const name of index().unitNames()) {
        if (q2 && !name.toLowerCase().includes(q2)) continue;
        const path = index().find(name)[0];
        if (path) out.push({ name, path });
        if (out.length >= 500) break;
      }
      return out;
    },
    getCodeLenses(doc, uri) {
      return codeLenses(doc, uri).map((l) => ({ ...l, command: commandId(l.command) }));
    },
    getInlayHints: (doc, range) => od().getInlayHints(doc, range, effectiveOf(doc)),
    dependsOn(doc, changedPath) {
      if (changedPath === doc.path) return true;
      const changedFolder = /\.d$/.test(dirname10(changedPath)) ? dirname10(dirname10(changedPath)) : dirname10(changedPath);
      if (changedFolder === unitFolderOf(doc)) return true;
      const file = doc.file;
      if (file.kind === "config") return file.dropIn && basename11(changedPath) === file.name;
      if (file.kind === "unit") return partOfUnit(file.unitName, file.unitType, changedPath, doc.path);
      return file.kind === "dropin" && basename11(changedPath) === file.unitName;
    },
    forgetLookups: () => lookupFs.clear(),
    compareWithDisk(path, text) {
      const disk = fs.readFile(path);
      return disk === void 0 ? "absent" : disk === text ? "same" : "differs";
    },
    fileChanged(_path) {
      lookupFs.clear();
      effectiveCache.clear();
      securityCache.clear();
      unitIndex.setRoots([...workspaceFolders()], settings().unitSearchPaths);
    }
  };
  return service;
}
function parseCapped(path, text) {
  if (text.length <= MAX_UNIT_BYTES) return createDocument(path, text);
  return { ...createDocument(path, ""), oversize: text.length };
}
function oversizeDiagnostic(size) {
  return {
    start: 0,
    end: 0,
    severity: "error",
    code: "file-too-large",
    message: `This file is ${formatBytes(size)} long: over the ${formatBytes(MAX_UNIT_BYTES)} a unit file may have here, so it is not analysed. A unit file of that size is almost certainly not one.`
  };
}
function escapeMarkdown(s) {
  return s.replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`);
}

// bench/lib/lsp.mjs
var import_node = __toESM(require_main(), 1);
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t2 = a;
    t2 = Math.imul(t2 ^ t2 >>> 15, t2 | 1);
    t2 ^= t2 + Math.imul(t2 ^ t2 >>> 7, t2 | 61);
    return ((t2 ^ t2 >>> 14) >>> 0) / 4294967296;
  };
}

// bench/lib/generate.mjs
function generateUnit(lines, seed = 1) {
  const r = rng(seed);
  const out = [
    "# Generated benchmark unit (bench/lib/generate.mjs).",
    "[Unit]",
    "Description=Benchmark daemon with a very long service section",
    "Documentation=man:systemd.service(5) https://example.com/bench/docs",
    "After=network-online.target remote-fs.target",
    "Wants=network-online.target",
    "ConditionPathExists=/etc/bench/bench.conf",
    "",
    "[Service]",
    "Type=notify",
    "ExecStart=/usr/bin/bench-daemon --config /etc/bench/bench.conf",
    "ExecReload=/bin/kill -HUP $MAINPID",
    "Restart=on-failure",
    "RestartSec=5s",
    "User=bench",
    "Group=bench",
    "TimeoutStopSec=1min 30s",
    "ProtectSystem=strict",
    "PrivateTmp=yes",
    "CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_CHOWN",
    "SystemCallFilter=@system-service ~@mount"
  ];
  const tail = ["", "[Install]", "WantedBy=multi-user.target"];
  let i = 0;
  while (out.length < lines - tail.length) {
    i++;
    const x = r();
    if (x < 5e-3)
      out.push(`ExecStrat=/usr/bin/bench-step ${i}`);
    else if (x < 0.01)
      out.push(`ReadWritePaths=var/lib/bench/${i}`);
    else if (x < 0.08) out.push(`# Step ${i}: prepare the state directory and the environment for worker ${i}.`);
    else if (x < 0.12) out.push("");
    else if (x < 0.26) out.push(`Environment="BENCH_VAR_${i}=value ${i}" BENCH_MODE_${i}=fast`);
    else if (x < 0.38) out.push(`ExecStartPre=-/usr/bin/mkdir -p /var/lib/bench/${i}`);
    else if (x < 0.48) out.push(`ReadWritePaths=/var/lib/bench/${i}`);
    else if (x < 0.55) out.push(`EnvironmentFile=-/etc/default/bench-${i}`);
    else if (x < 0.62) out.push(`SupplementaryGroups=group${i}`);
    else if (x < 0.7) out.push(`BindReadOnlyPaths=/usr/share/bench/${i}:/srv/bench/${i}`);
    else if (x < 0.76) out.push(`LogExtraFields=BENCH_WORKER_${i}=1`);
    else if (x < 0.82)
      out.push(`ExecStartPost=/usr/bin/logger -t bench "worker ${i} started" \\`, `    --priority=info --id=%n-${i}`);
    else if (x < 0.88) out.push(`ExecStopPost=/usr/bin/rm -rf /run/bench/${i}`);
    else if (x < 0.94) out.push(`DeviceAllow=/dev/bench${i % 64} rw`);
    else out.push(`CPUAffinity=${i % 4}-${i % 4 + 3}`);
  }
  out.length = Math.min(out.length, lines - tail.length);
  out.push(...tail);
  return `${out.join("\n")}
`;
}

// .tmpbench/edit2.ts
await loadLanguageFeatures();
var t = generateUnit(1e3, 1e3);
var off = t.indexOf("BENCH_VAR_451") + 5;
for (const path of ["/bench/prof.service", "/lib/systemd/system/zz-bench-edit-1000.service"]) {
  const ls = createLanguageService({ savedText: () => t });
  const xs = [];
  for (let i = 0; i < 600; i++) {
    const text = i % 2 ? t : t.slice(0, off) + "x" + t.slice(off);
    const t0 = performance.now();
    const doc = ls.parse(path, text);
    ls.getDiagnostics(doc);
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  console.log(path, "median", xs[300].toFixed(2));
}
