// Search page: queries the site's own Pagefind bundles (built by digest_search)
// and renders results. The index may be split in two bundles (the site at its
// last full index, and the pages added since), listed in bundles.json beside the
// main one; their results and filter counts are merged here, leaving out a
// bundle's answer made of words that only begin like the query. Page data is only
// ever inserted as text; the one piece of markup kept from Pagefind is <mark> in
// excerpts, rebuilt element by element.

const FILTER_GROUPS = [
  ["company", "Companies"],
  ["outlet", "Outlets"],
  ["tag", "Tags"],
  ["year", "Years"],
];
const SORTS = { newest: { date: "desc" }, oldest: { date: "asc" } };
const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const root = document.getElementById("search");
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const moreButton = document.getElementById("search-more");
const filterBox = document.getElementById("search-filters");

let bundles = []; // one Pagefind API per bundle
let runId = 0; // each search gets a number; late answers to older searches are dropped
let pending = null; // a ResultQueue of results not shown yet, for "More results"
let typingTimer = 0;

/** The query, order and chosen filters, as held in the address bar. */
function readState() {
  const params = new URLSearchParams(location.search);
  const sort = Object.hasOwn(SORTS, params.get("sort")) ? params.get("sort") : "relevance";
  const filters = {};
  for (const [key] of FILTER_GROUPS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  return { q: (params.get("q") || "").trim(), sort, filters };
}

/** The current state as read from the form. */
function formState() {
  const filters = {};
  for (const box of filterBox.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  const sort = document.querySelector("input[name=sort]:checked")?.value || "relevance";
  return { q: input.value.trim(), sort, filters };
}

/** Put the state into the address bar, so a search can be shared or bookmarked. */
function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  for (const [key] of FILTER_GROUPS) {
    for (const value of state.filters[key] || []) params.append(key, value);
  }
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "2018-02-26T09:30:00+00:00" -> "Mon 26 Feb 2018", from the date as written (no time zone shift). */
function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  if (!m) return "";
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return `${DAYS[day.getUTCDay()]} ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
}

/** Pagefind's excerpt (escaped text plus <mark>) as DOM nodes: text stays text. */
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
  const out = document.createDocumentFragment();
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.append(child.data);
      else if (child.nodeName === "MARK") out.append(el("mark", "", child.textContent));
      else walk(child);
    }
  };
  walk(parsed);
  return out;
}

/** A same-site link target for a result, or "" for anything else. */
function safeUrl(url) {
  try {
    const target = new URL(url, location.href);
    return target.origin === location.origin ? target.href : "";
  } catch {
    return "";
  }
}

function resultItem(data) {
  const item = el("li", "search-result");
  const heading = el("h2", "search-result-title");
  const href = safeUrl(data.url);
  const title = data.meta?.title || data.url;
  if (href) {
    const link = el("a", "", title);
    link.href = href;
    heading.append(link);
  } else {
    heading.textContent = title;
  }
  const meta = el("p", "search-result-meta");
  if (data.meta?.outlet) meta.append(el("span", "search-result-outlet", data.meta.outlet));
  const shown = formatDate(data.meta?.date);
  if (shown) {
    const time = el("time", "", shown);
    time.dateTime = data.meta.date;
    meta.append(time);
  }
  const excerpt = el("p", "search-result-excerpt");
  excerpt.append(excerptNodes(data.excerpt || ""));
  item.append(heading, meta, excerpt);
  return item;
}

/** Checkboxes for each filter group, counts from Pagefind, chosen values ticked. */
function buildFilters(counts, chosen) {
  filterBox.replaceChildren();
  for (const [key, label] of FILTER_GROUPS) {
    const values = Object.entries(counts[key] || {});
    if (!values.length) continue;
    // Years newest first; other values most common first, then by name.
    const byYear = (a, b) => b[0].localeCompare(a[0]);
    const byCount = (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]);
    values.sort(key === "year" ? byYear : byCount);
    const group = el("details", "search-filter");
    group.dataset.filter = key;
    group.open = Boolean(chosen[key]?.length);
    group.append(el("summary", "", label));
    const box = el("fieldset");
    box.append(el("legend", "visually-hidden", label));
    values.forEach(([value, count], i) => {
      const id = `filter-${key}-${i}`;
      const check = el("input");
      Object.assign(check, { type: "checkbox", id, name: key, value });
      check.checked = (chosen[key] || []).includes(value);
      const row = el("label", "search-filter-option");
      row.htmlFor = id;
      const name = el("span", "search-filter-name", value);
      row.append(check, name, el("span", "search-filter-count", String(count)));
      box.append(row);
    });
    group.append(box);
    filterBox.append(group);
  }
}

/** Refresh the numbers beside each filter value for the current query. */
function updateCounts(counts) {
  for (const row of filterBox.querySelectorAll(".search-filter-option")) {
    const box = row.querySelector("input");
    const count = counts[box.name]?.[box.value] ?? 0;
    row.querySelector(".search-filter-count").textContent = String(count);
    // Values this query cannot match are hidden, unless ticked (so they can be unticked).
    row.hidden = count === 0 && !box.checked;
  }
}

/** Filter counts of several bundles added up: {group: {value: count}}. */
function mergeCounts(all) {
  const merged = {};
  for (const counts of all) {
    for (const [key, values] of Object.entries(counts || {})) {
      merged[key] ||= {};
      for (const [value, count] of Object.entries(values)) merged[key][value] = (merged[key][value] || 0) + count;
    }
  }
  return merged;
}

/** Results of every bundle in display order; their data is loaded as they are shown. */
class ResultQueue {
  constructor(lists, sort) {
    this.size = lists.reduce((n, list) => n + list.length, 0);
    this.direction = sort ? Object.values(sort)[0] : null;
    // By relevance the scores compare across bundles; by date each bundle's list is in
    // order already, and they are merged by the dates in the results' data.
    this.lists = this.direction && lists.length > 1
      ? lists.map((list) => list.slice())
      : [lists.flat().sort((a, b) => b.score - a.score)];
  }

  get remaining() {
    return this.lists.reduce((n, list) => n + list.length, 0);
  }

  async take(count) {
    if (this.lists.length === 1) return Promise.all(this.lists[0].splice(0, count).map(load));
    const out = [];
    while (out.length < count && this.remaining) {
      const open = this.lists.filter((list) => list.length);
      const heads = await Promise.all(open.map((list) => load(list[0])));
      const time = (data) => Date.parse(data.meta?.date || "") || 0;
      const before = this.direction === "desc" ? (a, b) => time(a) > time(b) : (a, b) => time(a) < time(b);
      let best = 0;
      for (let i = 1; i < heads.length; i++) if (before(heads[i], heads[best])) best = i;
      open[best].shift();
      out.push(heads[best]);
    }
    return out;
  }
}

const NO_MATCH = { results: [], totalFilters: {} };

/** The words of a query as Pagefind looks them up: lower case, letters and digits. */
function queryWords(q) {
  return q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Whether a bundle's answer holds the query's words. For a word missing from its
 * index, Pagefind matches the words that begin like it ("an" for "antitrust"): fair
 * in one bundle, but beside a bundle that has the word those are not results. A word
 * counts as held when a quoted search (exact, stemmed) finds it, or when it begins a
 * word the answer matched (typing "xiaom" finds "Xiaomi").
 */
async function holdsQuery(bundle, search, words, options) {
  if (!search.results.length) return true;
  let matched = null;
  for (const word of words) {
    if ((await bundle.search(`"${word}"`, options)).results.length) continue;
    if (!matched) {
      const data = await load(search.results[0]);
      const tokens = data.content.split(/\s+/);
      matched = (data.locations || []).map((at) => queryWords(tokens[at] || "").join(""));
    }
    if (!matched.some((token) => token.startsWith(word))) return false;
  }
  return true;
}

/** A result's data, fetched once. */
function load(result) {
  result.loaded ||= result.data();
  return result.loaded;
}

/** Mark the page busy (or not): screen readers wait, and so can tests. */
function busy(state) {
  root.setAttribute("aria-busy", String(state));
}

async function showMore(id) {
  const data = pending ? await pending.take(PAGE_SIZE) : [];
  if (id !== runId) return;
  list.append(...data.map(resultItem));
  moreButton.hidden = !pending || pending.remaining === 0;
  busy(false);
}

async function runSearch(state) {
  const id = ++runId;
  const anyFilter = Object.keys(state.filters).length > 0;
  if (!state.q && !anyFilter) {
    list.replaceChildren();
    pending = null;
    moreButton.hidden = true;
    root.dataset.results = "0";
    statusLine.textContent = "Type a word, or pick a company, outlet, tag or year.";
    busy(false);
    return;
  }
  statusLine.textContent = "Searching…";
  // Any of the ticked values within a group; every group must match.
  const filters = Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, { any: v }]));
  const options = { filters };
  // With no words there is no relevance to rank by: newest first.
  const sort = Object.hasOwn(SORTS, state.sort) ? SORTS[state.sort] : state.q ? null : SORTS.newest;
  if (sort) options.sort = sort;
  let searches = await Promise.all(bundles.map((b) => b.search(state.q || null, options)));
  if (bundles.length > 1 && state.q) {
    const words = queryWords(state.q);
    const held = await Promise.all(bundles.map((b, i) => holdsQuery(b, searches[i], words, options)));
    searches = searches.map((search, i) => (held[i] ? search : NO_MATCH));
  }
  if (id !== runId) return;
  updateCounts(mergeCounts(searches.map((s) => s.totalFilters)));
  pending = new ResultQueue(searches.map((s) => s.results), sort);
  list.replaceChildren();
  const n = pending.size;
  root.dataset.results = String(n);
  const words = state.q ? ` for “${state.q}”` : "";
  statusLine.textContent = n ? `${n} ${n === 1 ? "post" : "posts"}${words}` : `No posts${words}`;
  await showMore(id);
}

function onChange(delay) {
  busy(true);
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const state = formState();
    writeState(state);
    runSearch(state).catch(fail);
  }, delay);
}

function fail(error) {
  statusLine.textContent = "Search is not available right now; the indexes below list every story.";
  document.getElementById("search-fallback").hidden = false;
  busy(false);
  console.warn("search:", error);
}

/** pagefind.js of every bundle: those bundles.json lists, else the main one alone. */
async function bundleUrls(main) {
  try {
    const answer = await fetch(new URL("bundles.json", main));
    const listed = answer.ok ? (await answer.json()).bundles : null;
    if (Array.isArray(listed) && listed.length) return listed.map((b) => new URL(`${b}pagefind.js`, main));
  } catch (error) {
    console.warn("search: no bundle list, using the main bundle", error);
  }
  return [main];
}

async function start() {
  const state = readState();
  input.value = state.q;
  const sortBox = document.querySelector(`input[name=sort][value=${state.sort}]`);
  if (sortBox) sortBox.checked = true;
  document.getElementById("search-fallback").hidden = true;
  document.getElementById("search-ui").hidden = false;
  statusLine.textContent = "Loading search…";
  busy(true);
  const main = new URL(root.dataset.bundle, document.baseURI);
  bundles = await Promise.all((await bundleUrls(main)).map(async (url) => {
    const api = await import(url.href);
    // Result URLs are site paths; the site's root is the folder above the bundles.
    await api.options({ baseUrl: new URL("../", main).pathname });
    return api;
  }));
  buildFilters(mergeCounts(await Promise.all(bundles.map((b) => b.filters()))), state.filters);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onChange(0);
  });
  input.addEventListener("input", () => onChange(TYPING_DELAY_MS));
  root.addEventListener("change", (event) => {
    if (event.target.matches("input[type=checkbox], input[name=sort]")) onChange(0);
  });
  moreButton.addEventListener("click", () => {
    busy(true);
    showMore(runId).catch(fail);
  });
  await runSearch(state);
}

start().catch(fail);
