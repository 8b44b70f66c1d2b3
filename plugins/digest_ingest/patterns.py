"""Word lists and compiled patterns that tell page furniture from article text.

Data only, kept apart from the logic that uses it (cf. trafilatura's xpaths.py).
Sections: stop words, language names, line patterns (credits, widgets, banners,
comment forms, footers, inline link lines), hard end markers, bylines, list markers.
Patterns describe kinds of boilerplate in general, never one outlet's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- Stop words -----------------------------------------------------------------
# The most frequent function words of each language; density of these marks prose.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        a about above after again against all also am an and any are as at be because been before being
        below between both but by can could did do does doing down during each few for from further had
        has have having he her here hers herself him himself his how i if in into is it its itself just
        me more most my myself no nor not now of off on once only or other our ours out over own same
        she should so some such than that the their theirs them themselves then there these they this
        those through to too under until up very was we were what when where which while who whom why
        will with would you your yours yourself also although among around though however since still
        yet its it's i'm we're they're don't can't won't isn't didn't doesn't there's that's said says
        according may might must shall upon whether within without across along many much even ever
        every another such via per
    """.split()),
    "de": frozenset("""
        der die das den dem des ein eine einer eines einem einen und oder aber auch als an auf aus bei
        bis durch für gegen im in ist sind war waren wird werden wurde hat haben hatte mit nach nicht
        noch nur ob sich sie er es wir ihr ich so um unter über vom von vor wie wenn zu zum zur dass
        daß kein keine man mehr sehr schon seit sein seine ihre ihren diese dieser dieses dann denn
        doch hier jetzt kann können soll sollen will bereits damit etwa sowie
    """.split()),
    "fr": frozenset("""
        le la les l un une des du de d et ou mais donc car ni que qui quoi dont où ce cet cette ces
        il elle ils elles on nous vous je tu se sa son ses leur leurs est sont était été être a ont
        avait avoir fait pour par sur dans avec sans sous entre vers chez au aux en ne pas plus moins
        très aussi comme si tout tous toute toutes même déjà encore selon lors après avant qu c n s
    """.split()),
    "es": frozenset("""
        el la los las un una unos unas de del al y o e u pero que quien cual cuyo donde como cuando
        se su sus le les lo es son era fue fueron ser ha han había haber para por con sin sobre entre
        hasta desde en no más menos muy también ya este esta estos estas ese esa eso aquel todo todos
        otro otra según tras ante durante mientras porque aunque sino nos mi me te
    """.split()),
    "it": frozenset("""
        il lo la i gli le un uno una di del della dei degli delle da dal dalla in nel nella con su sul
        sulla per tra fra e ed o ma che chi cui non più anche come se si è sono era erano stato stata
        ha hanno aveva essere avere questo questa questi quello quella suo sua suoi loro ci ne al alla
        ai agli alle già ancora dopo prima mentre perché quando dove
    """.split()),
    "pt": frozenset("""
        o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela para com sem sobre
        entre e ou mas que quem qual cujo onde como quando se seu sua seus suas lhe é são era foi
        foram ser estar está estão tem têm tinha ter não mais menos muito também já este esta isso
        esse essa aquele todo todos outro outra segundo após até desde ao aos à às
    """.split()),
    "nl": frozenset("""
        de het een en of maar dat die dit deze wie wat waar wanneer hoe van in op aan met voor naar
        bij uit over onder door tot om als dan ook niet geen wel nog al is zijn was waren wordt worden
        werd heeft hebben had zal zou kan kunnen moet er hij zij ze het we wij jullie ik je u hun haar
        zich meer veel zeer
    """.split()),
}

# --- Language names ---------------------------------------------------------------
# A line listing several of these is a language picker, not prose.
LANGUAGE_NAMES = frozenset("""
    english hindi bengali bangla marathi gujarati tamil telugu kannada malayalam punjabi urdu odia
    assamese nepali sinhala arabic chinese mandarin cantonese japanese korean russian ukrainian polish
    czech slovak hungarian romanian bulgarian serbian croatian greek turkish persian farsi hebrew thai
    vietnamese indonesian malay filipino tagalog swahili french german spanish italian portuguese dutch
    swedish norwegian danish finnish icelandic
    हिन्दी हिंदी বাংলা मराठी ગુજરાતી தமிழ் తెలుగు ಕನ್ನಡ മലയാളം ਪੰਜਾਬੀ اردو ଓଡ଼ିଆ العربية عربي 中文 简体中文
    繁體中文 日本語 한국어 русский українська polski čeština magyar română български српски hrvatski
    ελληνικά türkçe فارسی עברית ไทย tiếng việt bahasa français deutsch español italiano português
    nederlands svenska norsk dansk suomi
""".split())

# --- Line patterns ------------------------------------------------------------------
# Matched against casefolded text, so written in lower case and compiled without
# re.IGNORECASE, which makes Python's re several times slower on every line.
# Each kind of furniture has whole-line forms (used with match()) and telltale phrases
# (used with search(); they start with a literal where they can, since a leading \b or
# ^-branch slows every search position down). See ``Furniture`` at the end of the section.

# Image captions and photo credits: "Photo: ...", "Image by ...", a trailing "(Image: ...)",
# "... / Getty Images", "REUTERS/Jane Doe".
_CREDIT_LINE = re.compile(
    r"""(?:image|photo|photograph|picture|illustration|graphic|credit|image\s+source|photo\s+credit
          |image\s+credit|file\s+photo|pictured)\s*[:|]
      | (?:photo(?:graph)?s?|images?|illustrations?|pictures?|video)\s+(?:by|via|courtesy\s+of)\s""",
    re.VERBOSE,
)
_CREDIT_PHRASE = re.compile(
    r"""\((?:image|images|photo|photos|photograph|picture|pic|credit|file\s+photo|illustration|video|source
            |getty|reuters|afp|ap|shutterstock|istock)\b[^)]*\)\s*$
      | (?:[/|©]|via|by|courtesy\s+of)\s*(?:getty\s+images|shutterstock|alamy|istock(?:photo)?|unsplash
            |reuters|afp|ap(?:\s+photo)?|epa(?:-efe)?|bloomberg|pa\s+wire)\b[^.!?]{0,40}$
      | (?:reuters|afp|ap\s+photo|epa)\s*/\s*[^\W\d_]
      | (?:photograph|photo|image|picture|illustration)(?:\s+credit)?\s*:\s*[^.!?:]{1,60}$""",
    re.VERBOSE,
)

# Share bars, follow buttons, reading-time chips and one-word navigation (en, de, fr, es, it, pt, nl).
_WIDGET = re.compile(
    r"""^(?:share|share\s+(?:this|on|via)\b.*|tweet|pin\s+it|email|print|save|copy\s+link|whatsapp
         |follow\s+(?:us|me|@\w+)\b.*|click\s+to\s+(?:share|email|print)\b.*|like\s+this:?
         |\d+\s+shares?|\d+\s*min(?:ute)?s?\s+read|reading\s+time\b.*|listen(?:\s+to\s+this\s+article)?
         |skip\s+to\s+(?:content|main\s+content|navigation)|(?:main\s+)?menu|search|log\s*in|sign\s*in
         |sign\s+up|register|subscribe|loading\.*|back\s+to\s+top|next\s+article|previous\s+article
         |(?:next|previous|prev)\s+post|home|close|open|toggle\s+navigation|x
         |teilen|drucken|startseite|suche|anmelden|abonnieren|menü|partager|imprimer|accueil|rechercher
         |connexion|s'abonner|compartir|imprimir|inicio|buscar|suscríbete|menú|condividi|stampa|cerca|accedi
         |abbonati|partilhar|pesquisar|entrar|assine|delen|zoeken|inloggen
         |(?:was|is)\s+this\s+(?:page|article|answer)\s+(?:helpful|useful)
         |view\s+(?:this\s+email\s+)?in\s+(?:your\s+)?browser
         |forward\s+(?:this\s+email\s+)?to\s+a\s+friend
         |already\s+a\s+(?:subscriber|member)\W*(?:(?:sign|log)\s*in)?)\W*$""",
    re.VERBOSE,
)

# Cookie, newsletter, paywall and consent banners; worded to the reader ("we", "our", "your"),
# so that prose about a privacy policy or a newsletter is not taken for one.
_BANNER_PHRASE = re.compile(
    r"""we\s+use\s+cookies|(?:site|website)\s+uses\s+cookies|accept\s+(?:all\s+)?cookies
      |our\s+(?:privacy|cookie)\s+(?:policy|notice)|cookie\s+(?:settings|preferences)
      |by\s+continuing\s+to\s+(?:use|browse)
      |manage\s+(?:preferences|consent)|sign\s+up\s+for\s+our\b|subscribe\s+to\s+our\b
      |(?:our|free|daily|weekly)\s+newsletters?\b|newsletter\s+sign-?up|enter\s+your\s+email|your\s+inbox
      |already\s+a\s+subscriber|subscribers?\s+only|(?:get|unlock)\s+unlimited\s+(?:digital\s+)?access|subscribe\s+(?:now|today)\b|to\s+continue\s+reading
      |create\s+a\s+free\s+account|wir\s+verwenden\s+cookies|nous\s+utilisons\s+des\s+cookies
      |utilizamos\s+cookies|utilizziamo\s+(?:i\s+)?cookie|usamos\s+cookies|wij\s+gebruiken\s+cookies
      |(?:earn|receive|get)\s+(?:a\s+)?(?:small\s+)?commission|affiliate\s+(?:links?|commission)
      |(?:receiving|received)\s+this\s+email|unsubscribe|update\s+your\s+(?:email\s+)?preferences""",
    re.VERBOSE,
)

# Comment sections and forms: their buttons and labels, and the help text of the form.
_COMMENT_LINE = re.compile(
    r"""(?:leave\s+a\s+(?:comment|reply)|post\s+(?:a\s+)?comment|add\s+(?:a\s+)?comment|submit(?:\s+comment)?
          |reply|report|quote|cancel\s+reply|\d+\s+(?:comments?|replies|responses)|comments?\s*(?:\(\d+\))?
          |(?:name|e-?mail|website|url|comment)\s*\*?\s*(?:\(required\))?|comments\s+are\s+closed\.?
          |view\s+(?:all\s+)?\d*\s*comments|show\s+(?:more\s+)?comments
          |antworten|kommentieren|répondre|commenter|responder|comentar|rispondi|commenta|reageren)\W*$
      | (?:x?html|allowed\s+tags)\s*:""",
    re.VERBOSE,
)
_COMMENT_PHRASE = re.compile(
    r"""your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked
      |notify\s+me\s+of\s+(?:new|follow-up)|you\s+can\s+use\s+these\s+html\s+tags|save\s+my\s+name,\s+email
      |you\s+must\s+(?:be\s+logged\s+in|log\s+in)|log\s+in\s+to\s+(?:comment|reply)
      |<\s*(?:a|abbr|b|blockquote|cite|code|em|strong)\b[^>]*>""",
    re.VERBOSE,
)

# Footers: copyright lines, legal links, tag and category lists.
_FOOTER_LINE = re.compile(
    r"""(?:©|\(c\)\s*\d{4}|copyright\b)
      | (?:privacy(?:\s+policy)?|terms(?:\s+(?:of\s+(?:use|service)|and\s+conditions))?|contact(?:\s+us)?
          |about(?:\s+us)?|advertise(?:\s+with\s+us)?|careers|sitemap|rss|faq|help|imprint|impressum
          |datenschutz(?:erklärung)?|kontakt|agb|mentions\s+légales|confidentialité|aviso\s+legal
          |política\s+de\s+privacidad|contacto|note\s+legali|contatti|privacybeleid)\W*$
      | (?:tags?|filed\s+under|topics?|categories|category|posted\s+in|labels?|keywords|schlagwörter
          |themen|mots-clés|etiquetas|temas)\s*:""",
    re.VERBOSE,
)
_FOOTER_PHRASE = re.compile(
    r"""©\s*(?:\d{4}|[^\W\d_])|copyright\s*(?:©|\(c\))?\s*\d{4}|all\s+rights\s+reserved
      |alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados
      |tutti\s+i\s+diritti\s+riservati""",
    re.VERBOSE,
)

# Inline lines between paragraphs that point elsewhere: ads, "Read more:", "Related:".
_LINK_LINE = re.compile(
    r"""^(?:advertisement|advertisements|ad|sponsored(?:\s+content)?|promoted
          |story\s+continues\s+(?:below|after)\b.*
          |continue\s+reading\b.*|click\s+here\b.*|watch(?:\s+now)?|video|more\s*»?|see\s+more|load\s+more
          |anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie)\W*$
      | ^(?:read\s+(?:more|also|next)|also\s+read|see\s+also|related(?:\s+(?:article|story|link|reading))?
          |more\s+(?:on|from)\s+[^:]{1,40}|more|recommended|watch|listen|don't\s+miss|must\s+read|trending
          |lesen\s+sie\s+auch|auch\s+interessant|mehr\s+zum\s+thema|(?:à\s+)?lire\s+aussi|voir\s+aussi
          |lee\s+también|leer\s+más|te\s+puede\s+interesar|leggi\s+anche|leia\s+também
          |lees\s+ook)\s*[:>»|-]""",
    re.VERBOSE,
)

# --- Hard end markers -------------------------------------------------------------------
# Once the article has begun, nothing after one of these is article text.
_END_MARKER = re.compile(
    r"""^(?:about\s+the\s+(?:author|authors|writer|reporter)|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment
          |\d+\s+(?:comments?|responses|replies)|comments(?:\s*\(\d+\))?
          |join\s+the\s+(?:conversation|discussion)
          |(?:related|more|similar)\s+(?:articles|posts|stories|news|coverage|reading)
          |recommended(?:\s+for\s+you)?
          |more\s+from\s+[\w .'’&-]{1,40}
          |you\s+(?:may|might)\s+also\s+(?:like|enjoy)|read\s+next|more\s+stories
          |most\s+(?:popular|read|viewed)
          |popular\s+(?:now|posts|stories)|(?:media|press)\s+contacts?|share\s+this\s+(?:article|story|post)
          |\#\#\#|-\s*ends\s*-|-\s*30\s*-
          |(?:\d+\s+)?(?:kommentare|commentaires|comentarios|commenti|comentários|reacties)
          |über\s+(?:den|die)\s+autor(?:in)?|à\s+propos\s+de\s+l'auteur|sobre\s+(?:el|o)\s+autor|sull'autore
          |mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|sur\s+le\s+même\s+sujet
          |(?:noticias|notícias)\s+relacionadas|articoli\s+correlati|gerelateerde\s+artikelen)\W*$""",
    re.VERBOSE,
)

@dataclass(frozen=True, slots=True)
class Furniture:
    """One kind of page furniture: whole-line forms and telltale phrases, in lower case.

    ``match`` (the whole line is one) and ``search`` (the line is or contains one) take
    text in any case; the ``_folded`` forms are for callers that casefold a line once.
    ``keys``, when given, are substrings of which every phrase contains one: a cheap
    gate that spares most prose lines the regex search.
    """

    line: re.Pattern[str] | None = None
    phrase: re.Pattern[str] | None = None
    keys: tuple[str, ...] = ()

    def match(self, text: str) -> bool:
        return self.match_folded(text.casefold())

    def search(self, text: str) -> bool:
        return self.search_folded(text.casefold())

    def match_folded(self, low: str) -> bool:
        return bool(self.line and self.line.match(low))

    def search_folded(self, low: str) -> bool:
        return self.match_folded(low) or self.phrase_folded(low)

    def phrase_folded(self, low: str) -> bool:
        """Whether one of the telltale phrases occurs in ``low``."""
        if self.phrase is None or (self.keys and not any(key in low for key in self.keys)):
            return False
        return bool(self.phrase.search(low))


CREDIT = Furniture(
    _CREDIT_LINE,
    _CREDIT_PHRASE,
    ("(", "/", "|", "©", "via", "by", "courtesy", "photo", "image", "picture", "illustration"),
)
WIDGET = Furniture(_WIDGET)
BANNER = Furniture(
    phrase=_BANNER_PHRASE,
    keys=(
        "cookie", "privacy", "continu", "manage", "sign up", "subscri", "newsletter", "email", "inbox",
        "account", "unlimited", "commission", "affiliate", "unsubscribe", "preferences",
    ),
)
COMMENT = Furniture(_COMMENT_LINE, _COMMENT_PHRASE, ("email", "required", "notify", "html", "log", "<"))
FOOTER = Furniture(_FOOTER_LINE, _FOOTER_PHRASE)
LINK_LINE = Furniture(_LINK_LINE)
# A time alone on its line: the stamp of a live-blog entry or a comment.
TIMESTAMP = Furniture(re.compile(r"\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[a-z]{2,4})?\W*$"))
END_MARKER = Furniture(_END_MARKER)

# --- Bylines ---------------------------------------------------------------------------------
_WORD_IN_NAME = r"(?:[A-Z][\w'’.-]*|[A-Z]\.)"
_PARTICLE = r"(?:de|da|del|der|van|von|la|le|al|bin|ibn|dos|du)"
_NAME = rf"{_WORD_IN_NAME}(?:\s+(?:{_PARTICLE}\s+)?{_WORD_IN_NAME}){{0,4}}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*{_NAME})*)"
BYLINE_LEAD = re.compile(  # "By Jane Doe", "Words by Jane Doe"; lead words in any case, names capitalised
    r"^(?i:(?:(?:interview|text|words|story|reporting|report|written|posted|compiled)\s+)?by"
    r"|von|par|por|di|door|author|authors|autor|auteur)"
    rf"\s*:?\s+{_NAMES}(?P<rest>.*)$"
)
# "Posted on March 3, 2021 by Jane Doe"
BYLINE_TAIL = re.compile(
    rf"^(?i:posted|published|written|updated|last\s+updated)\b[^|]{{0,60}}?\s(?i:by)\s+{_NAMES}(?P<rest>\W*)$"
)
# "Jane Doe in London", as wire services and business papers sign.
_SHORT_NAME = r"(?:[A-Z][\w'’.-]*|[A-Z]\.)(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]\.)){1,2}"
BYLINE_PLACE = re.compile(
    rf"^(?P<names>{_SHORT_NAME}(?:\s+and\s+{_SHORT_NAME})?)"
    rf"\s+in\s+(?P<rest>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}})$"
)
# "Jane Doe | Staff Writer", "Jane Doe, Senior Reporter", "Jane Doe - Tech Editor"
BYLINE_ROLE = re.compile(rf"^{_NAMES}\s*(?:[|,–—·•-]|\s-\s)\s*(?P<rest>.*)$")
ROLE_WORDS = frozenset("""
    writer editor reporter correspondent contributor columnist analyst staff journalist author
    producer editor-at-large critic blogger founder redakteur redaktion rédacteur journaliste
    redactor periodista giornalista
""".split())
# Capitalised words that start sentences after "By", never names.
NOT_NAMES = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december the this that these those then now today yesterday
    contrast comparison default design far law nature now some all most many using following adding
""".split())

# --- List markers ------------------------------------------------------------------------------
BULLET = re.compile(r"^\s*(?:[-–—•*·▪◦●■►✓✔]|\(?[a-z]\))\s+(?P<text>\S.*)$")
NUMBERED = re.compile(r"^\s*\(?(?P<num>\d{1,2})[.)]\s+(?P<text>\S.*)$")
