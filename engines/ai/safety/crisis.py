"""Crisis messages: a viewer speaking about harming themselves, as opposed to telling someone
else to ("kys").

A crisis message must never get a casual answer from the character. :func:`detect_crisis`
says whether a viewer's line is one, from the text itself (a small rule set for first-person
intent, plans, hopelessness and disclosures, in English, Spanish, Portuguese, German, French
and Italian, with a few Japanese, Korean and Russian phrases) and, when a layer blocked the line
as self-harm (the harm rules, the semantic layer, a moderation service), from that decision.

What counts:

- a wish or intent to die or to kill oneself, plain or in algospeak ("i want to die",
  "i wanna unalive myself", "gonna kms", "me quiero morir", "ich will sterben");
- a plan, the means or a time ("i bought a rope", "i'm going to end it tonight", "i have the
  pills ready", "i wrote my goodbye letter");
- hopelessness of the kind "nobody would care if i was gone", "everyone would be better off
  without me", "i don't want to live anymore";
- self-harm disclosures ("i've been cutting again") and method questions ("how many pills
  would it take").

What does not: encouragement aimed at someone else ("kys", "go unalive yourself", "nobody would
miss you"), which stays an ordinary hostile block; gaming and hyperbole ("i'm dying lol",
"this boss makes me want to die 😂", "I died to the boss", "dying of laughter").

Hyperbole is judged by strength. A plan, a time, the means, a goodbye or hopelessness is a
crisis whatever surrounds it. An idiom ("i want to die", "kill me now", "i want to disappear")
is hyperbole when the line laughs (lol, 😂, 💀, jaja, kkkk, mdr) or names a trigger (this boss,
the lag, of cringe, de risa). An explicit act ("kill myself", "kms", "end my life") needs a
trigger: laughter alone does not clear it, because people in crisis hide behind "lol" too,
and a moderator reading a false alarm costs less than the character joking back.

Pure and cheap: one normalisation and a few precompiled patterns, tens of microseconds.

Over 400 lines on purpose: the phrase tables for each language and the rule that weighs them
are read together.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

from engines.ai.safety.decision import SafetyDecision
from engines.ai.safety.normalize import Normalized, invisible_table, normalize

__all__ = ["Crisis", "detect_crisis", "is_self_harm_category"]

Signal = Literal["plan", "hopeless", "intent", "wish", "method", "layer"]


@dataclass(frozen=True, slots=True)
class Crisis:
    """Why a line reads as a crisis. ``reason`` is short and safe to log and to show
    moderators: it names the signal, never the viewer's words."""

    signal: Signal
    reason: str


_REASONS: Final[dict[Signal, str]] = {
    "plan": "a plan, the means or a time to harm themselves",
    "hopeless": "says they would not be missed or do not want to live",
    "intent": "first-person intent to harm themselves",
    "wish": "first-person wish to die",
    "method": "asks for a way to harm themselves",
    "layer": "self-harm in the first person",
}

# ---------------------------------------------------------------- building blocks (word forms)
# The patterns read Normalized.word_forms: lower case, ASCII, no punctuation, apostrophes
# dropped ("i'm" -> "im", "j'ai" -> "jai"), accents stripped ("não" -> "nao"), leet folded.

_ME: Final = r"(?:my ?self|meself|myslef|mysefl)"
_ACT_EN: Final = (
    rf"(?:kill(?:ing)? {_ME}|kms|unaliv(?:e|ing) {_ME}|unaliv(?:e|ing)(?= tonight| today| soon| rn| now|$)"
    rf"|end(?:ing)? {_ME}|end(?:ing)? (?:my|my own) life|end(?:ing)? it(?: all\b| for good\b|$)|off(?:ing)? {_ME}"
    rf"|self ?delet(?:e|ing)|delet(?:e|ing) {_ME}|(?:commit|kermit)(?:ting)? (?:suicide|sewer ?slide|die|toaster bath)"
    rf"|sewer ?slid(?:e|ing)|suicide(?! (?:prevention|awareness|hotline|squad|rates?|statistics|mission|run|build|strat))"
    rf"|tak(?:e|ing) my (?:own )?life|hang(?:ing)? {_ME}|rop(?:e|ing) {_ME}|neck(?:ing)? {_ME}"
    rf"|slit(?:ting)? my (?:wrists?|throat)|jump(?:ing)? off (?:a|the|my) (?:bridge|roof|building|balcony|cliff)"
    rf"|overdos(?:e|ing)(?! on (?:caffeine|coffee|sugar|candy|copium|hopium|cuteness|content|energy|monster))"
    rf"|hurt(?:ing)? {_ME}|harm(?:ing)? {_ME}|cut(?:ting)? {_ME}|starv(?:e|ing) {_ME})"
)
"""Acts against oneself, plain and in algospeak (the tokens of "kill myself", "kms", "unalive")."""

_I: Final = r"(?:i|im|i am|ive|i have|id|i would|ill|i will|ima|imma|i kinda|i really|i just|i honestly)"
_WANT: Final = (
    r"(?:want(?:s|ed)? to|wanna|gonna|going to|will|plan(?:ning)? to|about to|ready to|need to|have to|"
    r"should(?: just)?|might(?: just)?|decided to|deciding to|trying to|tried to|try to|feel like|wish i could|"
    r"(?:keep |kept |been |am |started |start )?(?:thinking|think|thought) (?:about|of)|considering|"
    r"(?:cant|can not|cannot) stop thinking about|(?:have |ve )?been|attempted|fantasi[sz]e about|dream(?:ing)? about)"
)
_NOT_YOU: Final = r"(?<!you )(?<!u )(?<!ya )(?<!he )(?<!she )(?<!they )(?<!ur )(?<!youre )(?<!hes )(?<!shes )"

_TIME: Final = (
    r"(?:tonight|today|tomorrow|this (?:weekend|week|evening)|after (?:this|the|tonights?) (?:stream|game|match|video)|"
    r"after stream|when (?:the )?stream ends|right now|very soon|by (?:tonight|tomorrow|morning|the weekend))"
)
_SOON: Final = r"(?:tonight|today|tomorrow|this weekend|right now)"

# ---------------------------------------------------------------- the rules

_PLAN: Final = (
    # the means
    r"\b(?:i|ive|i have|i just|just|i finally|i already|already)(?: \w+)? "
    r"(?:bought|got|have|saved|saved up|collected|stockpiled|hoarded|tied|prepared|picked out|counted) "
    r"(?:\w+ ){0,3}(?<!jump )(?<!skipping )(?<!climbing )(?<!tow )(?<!rock )(?:rope|noose)\b"
    r"(?! (?:for|to) (?:climbing|camping|the gym|crossfit|my (?:swing|boat|tent|dog|cat|horse)))",
    r"\b(?:ive|i have|i|i just|just)(?: \w+)? (?:saved|saved up|collected|stockpiled|hoarded|counted) (?:\w+ ){0,3}pills\b",
    r"\b(?:ive|i have|i|i just|just)(?: \w+)? (?:got|have|bought) "
    r"(?:\w+ ){0,2}(?:enough|all (?:the|my)|a (?:bottle|bunch|handful) of) (?:\w+ ){0,2}pills\b",
    r"\b(?:i|i just|ive|ive just|i already) (?:took|swallowed|taken|downed) (?:\w+ )?"
    r"(?:all (?:my|the|of my)|a bunch of|a lot of|too many|a whole bottle of|the whole bottle of|like \d\d+|\d\d+) "
    r"(?:\w+ ){0,2}(?:pills|tablets|meds|sleeping pills)\b",
    r"\b(?:the|my|enough) pills (?:are |is )?(?:ready|right here|next to me|in my hand|lined up|counted)\b(?! for )",
    r"\b(?:i|ive|i have|i just|just)(?: \w+)? (?:wrote|written|finished|writing|left) "
    r"(?:my|a|the) (?:goodbye|suicide|farewell|last|final) (?:note|letter|message|video)\b",
    r"\b(?:im|i am)(?: \w+)? (?:standing|sitting) (?:on|at) (?:the |a |my )?"
    r"(?:edge|roof|rooftop|ledge|bridge|balcony|railway|train tracks|tracks)\b"
    r"(?! (?:level|map|stage|part|section|area|in (?:the )?game|of my seat|watching|with))",
    # a time
    rf"\b{_I}(?: \w+){{0,3}} (?:going to|gonna|will|plan(?:ning)? to|decided to|about to) (?:\w+ ){{0,2}}"
    rf"(?:{_ACT_EN}|end it all|go through with it|take (?:all )?(?:the |my )?pills)\b(?: \w+){{0,5}} {_TIME}\b",
    rf"\b{_I}(?: \w+){{0,3}} (?:going to|gonna|will|plan(?:ning)? to|decided to|about to) (?:end it|jump) {_SOON}\b",
    rf"{_NOT_YOU}\b(?:gonna|going to|about to|finna) (?:{_ACT_EN}|end it all)(?: \w+){{0,3}} {_TIME}\b",
    rf"{_NOT_YOU}\b(?:gonna|going to|about to|finna) (?:end it|jump) {_SOON}\b",
    rf"\b{_SOON}(?: \w+){{0,3}} (?:im|i am|i will|ill|im going to|im gonna) (?:\w+ )?(?:{_ACT_EN}|end it all)\b",
    r"\b(?:this is|this will be|its) my (?:last|final) (?:message|goodbye|words)(?: ever| forever| to (?:you|anyone|chat))?$",
    r"\bmy (?:last|final) stream (?:ever|alive)\b",
    r"\bmy (?:last|final) (?:stream|day|night)\b(?: \w+){0,6} (?:end it(?: all)?(?= after$| after (?:this|that|tonight)\b| tonight\b| for good\b|$)"
    r"|end (?:my|this) life\b|be gone\b)",
    r"\b(?:i|ill|i will) (?:wont|will not|might not) (?:be (?:here|around) (?:much longer|after tonight)|"
    r"be alive (?:tomorrow|much longer|by (?:tomorrow|morning)|after tonight)|wake up (?:tomorrow|again))\b",
    r"\b(?:goodbye|bye) (?:forever|everyone forever|cruel world)\b",
    r"\blast time (?:youll|you will|anyone will|you guys will|chat will) (?:ever )?(?:see|hear from) me\b",
    # es / pt / de / fr / it
    r"\b(?:compre|tengo|consegui|prepare) (?:una |la |mi )?(?:soga|cuerda)\b(?! (?:para|de) (?:escalar|saltar))",
    r"\b(?:comprei|tenho|consegui|preparei) (?:uma |a |minha )?corda\b(?! (?:para|de) (?:escalar|pular))",
    r"\b(?:ich )?(?:habe|hab) (?:mir )?(?:ein|einen|das|den) (?:seil|strick) (?:gekauft|besorgt|bereit)\b",
    r"\b(?:jai|j ai) (?:achete|pris|prepare) (?:une |la |ma )?corde\b(?! (?:pour|a) sauter)",
    r"\b(?:esta noche|hoy|manana)(?: \w+){0,3} (?:me mato|me suicido|acabo con todo|termino con todo)\b",
    r"\b(?:me mato|me suicido|acabo con todo|me voy a matar|me voy a suicidar) (?:esta noche|hoy|manana)\b",
    r"\b(?:hoje|esta noite|essa noite|amanha)(?: \w+){0,3} (?:eu )?(?:me mato|vou me matar|acabo com tudo)\b",
    r"\b(?:vou me matar|vou acabar com tudo|me mato|vou me suicidar) (?:hoje|esta noite|essa noite|amanha)\b",
    r"\b(?:heute nacht|heute|morgen)(?: \w+){0,3} (?:bringe? ich mich um|mache ich schluss)\b",
    r"\b(?:ce soir|demain|aujourdhui)(?: \w+){0,3} (?:je me tue|jen finis|je vais me tuer|je vais en finir)\b",
    r"\b(?:je vais me tuer|je vais en finir|je me tue) (?:ce soir|demain|aujourdhui)\b",
    r"\b(?:lettre d ?adieu|carta de despedida|carta de suicidio|abschiedsbrief|lettera d ?addio)\b",
)

_HOPELESS: Final = (
    r"\b(?:nobody|no one|noone|no body|not a single (?:person|soul)) (?:would|will|is going to|gonna|wud|d) "
    r"(?:even |ever |really )?(?:care|notice|cry|be sad|remember me) (?:if|when|once) (?:i|im) "
    r"(?:was|were|wasnt|werent|am|\w+ )?(?:gone|dead|not here|not around|no longer (?:here|around|alive)|died|"
    r"disappeared|vanished|killed myself|ended it|didnt exist|stopped existing|never woke up|left forever|"
    r"(?:here|around) anymore)\b",
    r"\b(?:nobody|no one|noone) (?:would|will|d|is going to|gonna) (?:even |ever |really )?miss me\b",
    r"\b(?:my |the )?(?:family|friends|parents|mom|dad|everyone|everybody|people|world|chat|they|you all|yall) "
    r"(?:would|will|d|are|is)(?: all)?(?: \w+)? (?:be )?better (?:off )?without me\b",
    r"\b(?:theyd|everyoned|everybodyd|yalld|youd all)(?: all)? be better (?:off )?without me\b",
    r"\b(?:i|im|i am|id|i would|id just)(?: \w+)? (?:be )?better off dead\b",
    r"\b(?:im|i am|ive become|i feel like)(?: just| such| only)?(?: a)? burden (?:to|on|for) "
    r"(?:everyone|everybody|my|them|you|the|people)\b(?! ?(?:team|squad|party|guild|duo|teammates?)\b)",
    r"\bi (?:dont|do not|no longer|really dont|just dont|honestly dont) (?:want|wanna|wish) (?:to )?"
    r"(?:live(?! (?:in|with|here|there|near|at|on|alone|together|like that|by|under|next))|be alive|exist|"
    r"keep living|wake up (?:anymore|any more|ever again)|(?:go on|keep going|be here) (?:anymore|any more|no more)$|"
    r"(?:go on|keep going|be here) (?:anymore|any more|no more)\b)",
    r"\b(?:i|ive) (?:have |got )?(?:no|zero|no more) (?:reason|reasons) (?:to|for) (?:live|living|go on|keep going|being alive)\b",
    r"\b(?:i have|ive got|i got|i have got) nothing (?:left )?to live for\b",
    r"\b(?:my )?life (?:is not|isnt|aint) worth (?:living|it anymore|it any more)\b",
    r"\b(?:im|i am|ive been|i feel|feeling|i keep feeling|been feeling|i get)(?: \w+)? suicidal\b",
    r"\bsuicidal (?:thoughts|again|tonight|lately|rn|right now)\b",
    r"\b(?:im|i am|so) (?:tired|sick) of (?:living|being alive|existing)\b(?! (?:in|with|at|here|there|on|near|off))",
    r"\bi(?: \w+)? (?:want|need) (?:it all|everything|the pain|all of this|all this) to (?:end|stop|be over)\b",
    r"\b(?:dont|do not|cant|cannot|can not) see (?:the|a|any) point (?:in|of) (?:living|life|being alive|going on)\b",
    r"\bwhats the point (?:of|in) (?:living|being alive|going on|my life)\b",
    r"\bi(?: \w+)? (?:wanna|want to) (?:sleep|go to sleep|fall asleep) (?:and|n) (?:never|not) wake up\b",
    r"\bi(?: \w+)? (?:wanna|want to) (?:sleep|disappear) forever\b",
    r"\bi (?:wish|hope) i (?:dont|do not|wont|never) wake up\b",
    # es
    r"\b(?:ya )?no (?:quiero|tengo ganas de) (?:seguir )?(?:vivir|viviendo|existir)\b"
    r"(?! (?:en|con|aqui|alli|cerca|solo|sola|asi de))",
    r"\bno (?:tengo|hay) (?:ninguna )?razon(?:es)? para (?:vivir|seguir)\b",
    r"\bnadie (?:me )?(?:extranaria|echaria de menos|notaria|lloraria)\b|\ba nadie le importaria si (?:me muero|muero|desaparezco)\b",
    r"\b(?:todos|mi familia|todo el mundo) (?:estarian|estaria) mejor sin mi\b",
    r"\bestaria(?:n)? mejor muert[oa]\b",
    # pt
    r"\bnao (?:quero|aguento) mais viver\b(?! (?:em|com|aqui|ali|perto|sozinh))|\bnao quero (?:mais )?existir\b",
    r"\bninguem (?:sentiria|ia sentir|vai sentir) (?:a )?minha falta\b|\bninguem (?:ia|iria|vai) (?:notar|ligar|se importar)\b",
    r"\b(?:todos|minha familia|todo mundo) (?:estariam|estaria|ficariam|ficaria) melhor sem mim\b",
    r"\bnao (?:tenho|ha) (?:nenhum )?motivo para viver\b",
    # de
    r"\b(?:ich )?(?:will|mochte|kann) nicht mehr leben\b",
    r"\bniemand (?:wurde|wird) mich (?:vermissen|bemerken)\b",
    r"\b(?:alle|jeder|meine familie) (?:waren|ware) (?:ohne mich )?besser dran(?: ohne mich)?\b",
    r"\b(?:ich )?(?:habe|hab) keinen grund (?:mehr )?zu leben\b",
    # fr
    r"\bje (?:ne )?veux plus vivre\b(?! (?:a|en|avec|ici|la|chez))|\bje (?:nai|n ai) plus envie de vivre\b",
    r"\bpersonne ne (?:me regretterait|remarquerait|me manquerait|pleurerait)\b",
    r"\b(?:tout le monde|ma famille) (?:serait|seraient) mieux sans moi\b",
    r"\bje (?:nai|n ai) (?:aucune|plus de) raisons? de vivre\b",
    # it
    r"\bnon voglio (?:piu )?vivere\b|\bnessuno (?:sentirebbe la mia mancanza|si accorgerebbe)\b",
)

_NOT_HAIR: Final = (
    r"(?! (?:el|la|mi|las|los|o|a|os|as|meu|minha) (?:pelo|cabello|flequillo|fleco|unas|barba|pelito|"
    r"cabelo|franja|unha|unhas|pizza|pan|carne|cebolla|cebola))"
)

_INTENT: Final = (
    rf"\b{_I}(?: \w+){{0,3}} {_WANT} (?:\w+ ){{0,2}}{_ACT_EN}\b",
    rf"{_NOT_YOU}\b(?:wanna|gonna|going to|want to|bout to|about to|finna|gon|thinking (?:about|of)) (?:\w+ )?{_ACT_EN}\b",
    rf"\b{_I} (?!accidentally |almost |nearly |once )(?:\w+ )?(?:kill|cut|harm|burn|starve)(?:ed|ing|ting)? {_ME}\b"
    r"(?! (?:by accident|accidentally|on|while|with|shaving|cooking|playing|at work|in (?:the|a|this) (?:game|kitchen)|"
    r"falling|lol|lmao))",
    r"\b(?:ive|i have|i)(?: been)? (?:cutting|self harming|selfharming|harming myself|hurting myself)"
    r"(?: again| every (?:day|night)| lately| since| for (?:months|weeks|years))\b",
    r"\b(?:ive|i have|i)(?: been)? (?:self harming|selfharming)\b",
    rf"\b{_I} (?:\w+ )?(?:hurt|cut|burned|burnt|harmed) {_ME} again\b",
    r"\b(?:i )?(?:attempted|tried) (?:suicide|to (?:kill|end|unalive|off) (?:my ?self|my life))\b",
    r"(?<!\d )\bkms\b",
    # es
    rf"\b(?:me )?(?:quiero|voy a|pienso|deberia|tengo ganas de|quisiera|necesito) (?:\w+ )?"
    rf"(?:matarme(?! de)|suicidarme|quitarme la vida|acabar con mi vida|cortarme{_NOT_HAIR}|hacerme dano)\b",
    rf"\bme (?:quiero|voy a|pienso) (?:matar(?! de)|suicidar|cortar{_NOT_HAIR})\b",
    rf"\b(?:me estoy|he estado|sigo) (?:cortando{_NOT_HAIR}|lastimando|autolesionando)\b",
    # pt
    rf"\b(?:eu )?(?:quero|vou|penso em|preciso|deveria) (?:me matar(?! de)|me suicidar|tirar (?:a )?minha (?:propria )?vida|"
    rf"acabar com (?:a )?minha vida|me cortar{_NOT_HAIR}|me machucar)\b",
    rf"\b(?:to|estou|tou|tenho) me (?:cortando{_NOT_HAIR}|machucando)\b",
    # de
    r"\b(?:ich )?(?:will|mochte|werde|muss|sollte) mich (?:umbringen|toten|ritzen|aufhangen)\b",
    r"\bich (?:bringe?) mich (?:\w+ )?um\b",
    r"\b(?:ich )?(?:will|mochte|werde) (?:mir )?das leben nehmen\b|\bmir das leben (?:zu )?nehmen\b",
    r"\bich (?:ritze|verletze) mich\b|\b(?:ich )?(?:denke|dachte) (?:an|uber) (?:selbstmord|suizid)\b",
    # fr
    r"\bje (?:veux|vais|voudrais|pense a|dois) (?:me tuer|me suicider|en finir|mettre fin a (?:mes jours|ma vie))\b",
    r"\b(?:jai|j ai) envie de (?:me tuer|me suicider|en finir)\b",
    r"\bje me (?:scarifie|mutile)\b",
    # it
    r"\b(?:voglio|vorrei|sto per) (?:uccidermi|suicidarmi|farla finita|togliermi la vita)\b|\bmi voglio (?:uccidere|ammazzare)\b",
)

_WISH: Final = (
    r"\b(?:i|i just|i really|i honestly|i kinda|i sometimes|i literally|i lowkey)(?: \w+)? "
    r"(?:want to|wanna|wish i could|would like to|need to) die\b"
    r"(?! (?:of|from|laughing|inside|for|in|on|to|a little|a bit|happy|trying|doing))",
    r"\bi (?:wish|hope) i (?:was|were|could be) (?:dead|never born)\b",
    r"\bi (?:wish|hope) i (?:would|could) (?:just )?(?:die|disappear)\b",
    r"\bi (?:wanna|want to) (?:disappear|vanish|not exist|stop existing|cease to exist)\b",
    r"\b(?:just |someone |somebody |pls |please |plz )+kill me\b(?! (?:in|at|with|before) )",
    r"\bi hate being alive\b",
    r"\bi (?:cant|can not|cannot) (?:go on|keep going) (?:anymore|any more|like this)\b",
    # es
    r"\b(?:me )?(?:quiero|quisiera|me quiero) morir(?:me)?\b(?! (?:de|del))|\bojala (?:me muriera|estuviera muert[oa])\b",
    r"\bquiero desaparecer\b",
    # pt
    r"\b(?:eu )?(?:quero|queria) morrer\b(?! de)|\bquero (?:sumir|desaparecer)\b",
    # de
    r"\b(?:ich )?(?:will|mochte|wurde gern|wunsche mir zu) sterben\b|\bich wunschte ich ware tot\b",
    r"\bich will (?:einfach )?(?:verschwinden|nicht mehr (?:da sein|aufwachen|existieren))\b",
    # fr
    r"\bje (?:veux|voudrais) mourir\b(?! de)|\b(?:jai|j ai) envie de mourir\b(?! de)|\bje veux disparaitre\b",
    # it
    r"\b(?:voglio|vorrei) morire\b(?! dal| di)",
)

_METHOD: Final = (
    r"\bhow (?:many|much) (?:\w+ ){0,3}(?:pills|tablets|tylenol|paracetamol|ibuprofen|advil|xanax|insulin|"
    r"melatonin|benadryl|meds|medicine|aspirin|acetaminophen)\b(?: \w+){0,6}"
    r"(?: (?:to|would|does|will|until|before)(?: it)?(?: take)?(?: to)? (?:die|od|overdose|kill (?:me|you|someone|a person)|"
    r"be (?:lethal|fatal|deadly)|never wake up|not wake up|end it)\b| it takes?$)",
    r"\b(?:painless|easiest|quickest|fastest|surest|best|least painful|quietest) (?:way|method|ways|methods) "
    r"(?:to|of) (?:die|dying|kill (?:my ?self|your ?self|oneself|yourself)|end (?:it|my life|it all)|suicide|commit suicide)\b",
    r"\bhow (?:do i|can i|should i|would i|to|do you|do people|does one|does someone) (?:\w+ ){0,2}"
    r"(?:kill (?:my ?self|oneself|your ?self)|end my life|commit suicide|hang (?:my ?self|oneself|your ?self)|overdose|"
    r"slit my wrists?|unalive (?:myself|yourself))\b",
    r"\bhow (?:high|tall) (?:\w+ ){0,3}(?:to die|to be fatal|would kill (?:me|you|someone)|is (?:enough|lethal|fatal))\b",
    r"\b(?:cuantas|cuantos) (?:pastillas|pildoras)\b(?: \w+){0,5} (?:morir|matarme|muerte|sobredosis)\b",
    r"\bquantos (?:comprimidos|remedios|pilulas)\b(?: \w+){0,5} (?:morrer|me matar|overdose)\b",
    r"\bwie viele (?:tabletten|pillen)\b(?: \w+){0,5} (?:sterben|umbringen|tot|todlich)\b",
    r"\bcombien de (?:cachets|comprimes|pilules)\b(?: \w+){0,5} (?:mourir|me tuer|mortel)\b",
)

# ---------------------------------------------------------------- what clears an idiom

_GAME: Final = (
    r"boss|bosses|game|level|stage|map|lag|ping|run|puzzle|raid|dungeon|song|ads?|cringe|pun|joke|grind|quest|mission|"
    r"queue|matchmaking|update|patch|loading screen|jump|section|fight|match|round|mechanic|controls|camera|rng|"
    r"teammates?|hitbox|glitch|bug|clip|ending|cliffhanger|plot twist|episode|anime|movie|scene|outfit|pfp|"
    r"lobby|server|frame ?drops?|input delay|aim|build|loadout|speedrun|pb|enemy|mob|jumpscare|cutscene|chapter|finale|"
    r"lore|arc|ship|twist|reveal|vod"
)
_TRIGGER: Final = re.compile(
    rf"\b(?:this|that|the|these|those|another|ur|your|his|her|their|my) (?:\w+ )?(?:{_GAME})\b"
    r"|\b(?!life\b|everything\b|living\b|existing\b|existence\b|myself\b|it\b)\w+ (?:makes|made|making) me (?:want to|wanna)\b"
    r"|\b(?:of|from) (?:laughter|laughing|cringe|embarrassment|boredom|shame|secondhand|second hand|cuteness|happiness|"
    r"excitement|hunger|thirst|the heat|heat|jealousy|envy|suspense|anticipation|joy|lag)\b"
    r"|\b(?:die|dying|died|dead|kill me|killing me|killed me) (?:laughing|of laughter|from laughing|inside)\b"
    r"|\bin (?:game|the game|this game|minecraft|terraria|roblox|fortnite|elden ring|dark souls|valorant|league|gta|"
    r"hardcore|survival|the sim|sims|pvp|ranked)\b|\bingame\b|\bmy (?:character|char|guy|sim|champ|pokemon|avatar)\b"
    r"|\brespawn\b|\b(?:died|die|dying|dead) (?:to|on|at) (?:a |the |this |that )?\w+"
    r"|\b(?:if|when|everytime|every time) (?:i|we|he|she|they|you|this|it|that) (?:\w+ ){0,2}"
    r"(?:miss|die|wipe|lag|crash|lose|choke|throw|whiff)(?:s|es|ed)? (?:this|that|the|another|one more|again|to|it)\b"
    r"|\b(?:de|del) (?:risa|hambre|verguenza|sueno|calor|frio|aburrimiento|ternura|cringe)\b"
    r"|\bde (?:rir|rire|tanto rir|fome|vergonha|sono|calor|frio|tedio|fofura|faim|honte|froid|ennui)\b"
    r"|\bvor (?:lachen|scham|hunger|langeweile|hitze|mudigkeit)\b"
    r"|\b(?:este|ese|esse|dieser|dieses|ce|cette) (?:jefe|juego|nivel|chefe|jogo|boss|spiel|level|jeu|niveau)\b"
)
"""A cause in a game or a joke, or a reason to "die" that is not death."""

_LAUGH_WORDS: Final = re.compile(
    r"\b(?:lo+l+|lmf?a+o+|rofl|xd+|ha(?:ha)+h?|he(?:he)+|hah+a+|a?ja(?:ja)+j?|je(?:je)+|jsjs+|k{3,}|rs(?:rs)+|mdr+|"
    r"ptdr+|xptdr|lul+w?|kekw?|omegalul|pepelaugh|icant|jk|jkjk)\b"
)
_LAUGH_SYMBOLS: Final = re.compile(
    r"[😂🤣💀😹☠😆😅🤪]|:d\b|[\u3040-\u30ff\u4e00-\u9fff]w+|草|笑|ㅋㅋ|ㅎㅎ|ахах|хаха"
)

_ELSEWHERE: Final = re.compile(
    r"\b(?:kys|kill (?:your ?self|ur ?self|yo ?self|urself|yaself|ya self)|unalive (?:your ?self|ur ?self|urself|yaself)|"
    r"go (?:unalive|die|self delete|sewerslide|sewer slide|jump off|drink bleach|play in traffic|hang|kill|end|rope|neck|touch)|"
    r"just die|end (?:your ?self|ur ?self|urself|your life|ur life)|off (?:your ?self|urself)|neck (?:your ?self|urself)|"
    r"rope (?:your ?self|urself)|hang (?:your ?self|urself)|drink bleach|"
    r"(?:you|u|ya|ur|youre|streamer|he|she|they) (?:should|need to|needs to|ought to|deserve to|must|can|could|gotta) "
    r"(?:just |go |really |honestly )?(?:die|kill|unalive|end it|end (?:your|ur)|sewerslide|sewer slide|rope|hang|"
    r"self delete|jump|od|overdose|starve|cut)|"
    r"(?:hope|wish) (?:you|u|ya|he|she|they) (?:\w+ )?(?:die|dies|died|kill|unalive|end|od|overdose|jump)|"
    r"(?:nobody|no one|noone) (?:would|will|is going to|gonna|wud|d) (?:even |ever )?(?:miss|care about|notice|cry for) "
    r"(?:you|u|ya|him|her|them)|"
    r"(?:world|everyone|everybody|we|chat|they) (?:would|will|d) be better (?:off )?"
    r"(?:without (?:you|u|him|her|them)|if (?:you|u|he|she|they) (?:werent|were not|died|were dead))|"
    r"do (?:us|the world|everyone|everybody) a favou?r|"
    r"matate|suicidate|muerete|ojala te mueras|vete a morir|se mata|vai se matar|se suicida|morre logo|"
    r"bring dich um|tote dich|stirb|tue toi|va te tuer|suicide toi|va mourir|creve)\b"
)
"""Encouragement aimed at someone else: an ordinary hostile block, not a crisis."""

_NEGATED: Final = re.compile(
    r"\b(?:not|never|wont|wouldnt|dont|didnt|isnt|im not|i am not|i would never|id never|i will never|ill never|"
    r"i never|no longer) (?:(?:really|actually|ever|even|going|gonna|want|wanna|to|trying|try|planning|plan|about|"
    r"thinking|think|of|do|did) ){0,3}"
    rf"(?:{_ACT_EN}|suicidal|die)\b"
    r"|\b(?:told|tells|telling|tell|said|says|saying|asked|asking|wants|want|wanted) (?:me|him|her|them|us) to "
    rf"(?:go )?(?:{_ACT_EN}|die)\b"
)
"""A negated act ("i would never kill myself") or someone else's words ("he told me to kms")."""

_BENIGN: Final = re.compile(
    r"\b(?:die|dying) (?:happy|old|rich|young|a hero|a legend|trying|doing|in my sleep|for (?:you|u|this|that|him|her|it))\b"
    r"|\b(?:morir|morrer|mourir) (?:en paz|em paz|en paix|feliz|heureux|heureuse|viej[oa]|velh[oa]|vieux|vieille|"
    r"tranquil[oa]|algun dia|de viej[oa])\b|\bsterben (?:in frieden|glucklich)\b"
    r"|\b(?:hurting|hurt|killing|kill) (?:my ?self) with (?:these|this|that|the|all (?:these|this|the)|so much|my own) "
    r"(?!(?:blade|blades|razor|razors|knife|glass|pills|rope|scissors|lighter)\b)\w+"
    r"|\bto die for\b|\b(?:killing|killed|kill) (?:my ?self|myself) (?:laughing|with laughter)\b"
)
"""Death words that mean something else ("i want to die happy", "a voice to die for")."""

_FIRST_PERSON: Final = re.compile(
    r"\b(?:i|im|ive|id|ill|me|myself|my(?! (?:guy|dude|man|bro|boy|g|friend|brother|lord|god|bad))|mine|ima|imma|"
    r"yo|mi|mis|conmigo|eu|mim|minha|meu|ich|mich|mir|mein|meine|je|jai|moi|mon|ma|mes|io)\b"
)

_SECOND_PERSON: Final = re.compile(
    r"\b(?:you|u|ur|your|youre|yourself|urself|ya|yall|te|tu|ti|du|dich|dir|vous|toi|voce|vc|tee)\b"
)
_SELF: Final = re.compile(
    r"\b(?:me|myself|my life|my ?self|mi vida|me mato|minha vida|mich|mir|moi|ma vie|mes jours)\b"
)


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_RULES: Final[tuple[tuple[Signal, re.Pattern[str]], ...]] = (
    ("plan", _compile(_PLAN)),
    ("hopeless", _compile(_HOPELESS)),
    ("intent", _compile(_INTENT)),
    ("method", _compile(_METHOD)),
    ("wish", _compile(_WISH)),
)
_STEMS: Final = re.compile(
    r"\b(?:die|dying|dead|death|kill|kms|k m s|unaliv|suicid|sewer|delet|end|life|live|living|alive|exist|pill|tablet|"
    r"meds|rope|noose|cut|hurt|harm|burn|starv|hang|neck|slit|overdos|jump|burden|miss me|care|notice|better|wake|"
    r"sleep|disappear|vanish|goodbye|bye|last|note|letter|roof|edge|ledge|bridge|tracks|point|reason|tired|sick|"
    r"attempt|tried|self|toaster|tomorrow|tonight|today|wont|anymore|nobody|no one|noone|everyone|everybody|"
    r"without|forever|standing|sitting|took|swallow|saved|bought|wrote|written|how|painless|easiest|quickest|"
    r"fastest|surest|sin mi|sem mim|ohne mich|sans moi|mejor|melhor|nadie|personne|niemand|nessuno|todos|alle|"
    r"morir|muert|matar|vivir|viviendo|existir|razon|extran|echaria|notaria|lloraria|importaria|soga|cuerda|cortar|"
    r"cortando|lastim|autoles|desaparec|pastillas|pildoras|despedida|hoy|esta noche|manana|me mato|me suicido|acabo|"
    r"morrer|viver|falta|ninguem|corda|machuc|sumir|comprimidos|remedios|pilulas|motivo|hoje|amanha|essa noite|"
    r"me mato|vou|vida|"
    r"sterben|umbring|bring|toten|ritz|aufhang|leben|vermiss|bemerk|besser|seil|strick|selbstmord|suizid|"
    r"verschwind|aufwach|tablett|pillen|abschied|grund|heute|morgen|"
    r"mourir|tuer|finir|fin a|vivre|regrett|remarqu|manquer|pleurer|mieux|corde|scarif|mutil|disparait|cachets|"
    r"comprim|pilules|adieu|raison|ce soir|demain|aujourdhui|je me tue|"
    r"morire|uccid|ammazz|finita|vita|vivere|mancanza|accorger|addio|lettera|lettre|carta)"
)
"""Words without which no rule can match: most chat lines stop here."""

# Japanese, Korean and Russian read the unfolded text (the confusables table would fold Cyrillic).
_RAW: Final[tuple[tuple[Signal, re.Pattern[str]], ...]] = (
    (
        "intent",
        re.compile(
            r"自殺(?:したい|する|しよう|します)|死のうと思|自殺を考え|"
            r"자살(?:하고\s*싶|할\s*거|하려고)|покончить с собой|покончу с собой|убью себя|убить себя|суицид"
        ),
    ),
    ("hopeless", re.compile(r"生きていたくない|生きたくない|살기\s*싫|не хочу жить")),
    ("wish", re.compile(r"死にたい|消えたい|죽고\s*싶|хочу умереть")),
)


def _raw(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(invisible_table()).casefold()


def is_self_harm_category(category: str) -> bool:
    """Whether a layer's category names self-harm (``self_harm``, OpenAI's ``self-harm/intent``...)."""
    c = re.sub(r"[\s/\-]+", "_", category.strip().lower())
    return c.startswith("self_harm") or c in {"selfharm", "suicide", "suicide_self_harm"}


def _any(pattern: re.Pattern[str], forms: tuple[str, ...]) -> bool:
    return any(pattern.search(f) for f in forms)


def detect_crisis(text: str, decision: SafetyDecision | None = None) -> Crisis | None:
    """Whether a viewer's ``text`` is a first-person self-harm crisis.

    ``decision`` is the line's input safety decision, when one was made: a block whose
    category is self-harm (:func:`is_self_harm_category`), or an allowed line with a
    self-harm ``caution``, counts as a crisis when the line is in the first person, not
    aimed at someone else, and reads neither as hyperbole nor as a game. Without it (or when
    no layer objected) the rules decide alone.
    """
    if not text or not text.strip():
        return None
    norm = normalize(text)
    raw = _raw(text)
    forms = norm.word_forms
    cleaned = forms
    clears = _Clears(norm, raw)
    if _any(_STEMS, forms):
        cleaned = tuple(_BENIGN.sub(" ~ ", _NEGATED.sub(" ~ ", f)) for f in forms)
        for signal, pattern in _RULES:
            if _any(pattern, cleaned) and not clears.cleared(signal):
                return Crisis(signal, _REASONS[signal])
    if not raw.isascii():
        for signal, pattern in _RAW:
            if pattern.search(raw) and not clears.cleared(signal):
                return Crisis(signal, _REASONS[signal])
    if decision is None or not _self_harm(decision):
        return None
    if clears.laughs or clears.triggered or _any(_ELSEWHERE, forms) or cleaned != forms:
        return None
    if not _any(_FIRST_PERSON, forms):
        return None
    if _any(_SECOND_PERSON, forms) and not _any(_SELF, forms):
        return None  # "i hope you get cancer": the speaker wishes it on someone else
    which = str(decision.layer) if decision.blocked else "semantic, caution"
    return Crisis("layer", f"{_REASONS['layer']} ({which})")


def _self_harm(decision: SafetyDecision) -> bool:
    """A layer blocked the line as self-harm, or allowed it with a self-harm caution."""
    if decision.blocked:
        return is_self_harm_category(decision.category)
    return bool(decision.caution) and is_self_harm_category(decision.caution.split()[0])


class _Clears:
    """Laughter and triggers in a line, worked out once and only when a rule asks."""

    def __init__(self, norm: Normalized, raw: str) -> None:
        self._norm = norm
        self._raw = raw
        self._laughs: bool | None = None
        self._triggered: bool | None = None

    @property
    def laughs(self) -> bool:
        if self._laughs is None:
            self._laughs = _any(_LAUGH_WORDS, self._norm.word_forms) or bool(_LAUGH_SYMBOLS.search(self._raw))
        return self._laughs

    @property
    def triggered(self) -> bool:
        if self._triggered is None:
            self._triggered = _any(_TRIGGER, self._norm.word_forms)
        return self._triggered

    def cleared(self, signal: Signal) -> bool:
        """Whether a match of ``signal`` passes as hyperbole or a game (see the module doc)."""
        if signal in ("plan", "hopeless", "layer"):
            return False
        if signal in ("intent", "method"):
            return self.triggered
        return self.laughs or self.triggered
