package org.comptoir.service.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.comptoir.search.Language;
import org.comptoir.search.TextAnalysis;
import org.springframework.stereotype.Component;

/**
 * What a customer's message asks, in French or English, read through the search's analysis: cue words
 * are compared as stems ("rembourser", "remboursement" and "remboursé" alike), cue phrases on the
 * folded text ("de retour", "back in stock"). The intents are tried in the order that settles their
 * overlaps: a person asked for first; "retourner ma commande" is a return before it is an order, "quand
 * arrive ma commande" an order before it is a restock. Messages labelled by the team teach it their intent.
 */
@Component
class Intents {

    private record Cues(Set<String> stems, Pattern phrases) {}

    private final TextAnalysis analysis;
    private final BotMisses learned;
    private final Map<Bot.Intent, Cues> cues;

    Intents(TextAnalysis analysis, BotMisses learned) {
        this.analysis = analysis;
        this.learned = learned;
        this.cues = Map.of(
                Bot.Intent.HUMAN, cues(List.of("conseiller", "conseillere", "humain", "human", "agent", "person",
                        "someone", "somebody", "representative", "operator", "vendeur", "operateur"),
                        "quelqu.un|une personne|un vrai|parler (a|avec)|talk to|speak (to|with)|real person"),
                Bot.Intent.RESTOCK, cues(List.of("reassort", "reapprovisionnement", "reapprovisionner", "revient",
                        "reviendra", "reviennent", "restock", "restocked", "replenish", "rupture", "arrivage"),
                        "de retour|de nouveau (en stock|disponible|dispo)|a nouveau|recevoir.*bientot|bientot en stock|"
                                + "back in stock|back on sale|"
                                + "in stock again|available again|quand.*(stock|disponible|dispo|revien|arrive)|"
                                + "when.*(stock|available|back|arrive)|be back|sera(-t-il|-t-elle)? (la|dispo)|"
                                + "prochaine livraison|next delivery|sold out|epuise"),
                Bot.Intent.RETURN_POLICY, cues(List.of("retourner", "rembourser", "remboursement", "echanger",
                        "echange", "renvoyer", "refund", "exchange", "returns", "retractation"),
                        "\\bun retour|faire un retour|\\breturn\\b|send (it |them )?back|take (it |them )?back|"
                                + "rendre (un|le|la|mon|ma)|"
                                + "ne (me )?(va|convient) pas|doesn.t fit|don.t fit|does not fit|defectueux|broken|casse"),
                Bot.Intent.STORE_HOURS, cues(List.of("horaire", "horaires", "ouvert", "ouverte", "ouverture", "ferme",
                        "fermeture", "hours", "open", "opening", "close", "closes", "closed", "closing", "dimanche", "sunday"),
                        "a quelle heure|what time|jusqu.a quelle heure|how late|ouvrez|fermez"),
                Bot.Intent.AVAILABILITY, cues(List.of("disponible", "dispo", "disponibilite", "available",
                        "availability", "reserver", "reserve", "hold", "trouver", "acheter", "buy", "find", "cherche",
                        "chercher", "looking"),
                        "en stock|in stock|avez.vous|vous avez|vous reste|y a.t.il (des|du|un|une)|any .* left|"
                                + "do you (have|sell|stock)|have you got|pres de (chez )?"
                                + "|near (me|my)|a cote de|around|en magasin|in (a |the )?store"),
                Bot.Intent.ORDER_STATUS, cues(List.of("commande", "commandes", "colis", "livraison", "livre", "livree",
                        "expedie", "expediee", "suivi", "livreur", "order", "orders", "parcel", "package", "delivery",
                        "delivered", "shipped", "shipping", "tracking", "shipment"),
                        "pas (encore )?recu|not (yet )?(received|arrived)|where is my|ou en est|toujours pas|"
                                + "still (not|hasn)"),
                Bot.Intent.THANKS, cues(List.of("merci", "thanks", "thank", "revoir", "bye", "parfait", "super",
                        "genial", "great", "perfect", "cheers"), "au revoir|bonne (journee|soiree)|have a nice"),
                Bot.Intent.GREETING, cues(List.of("bonjour", "salut", "hello", "hi", "hey", "bonsoir", "coucou"),
                        "good (morning|afternoon|evening)|ca va|how are you|comment allez"));
    }

    private static final List<Bot.Intent> ORDER = List.of(Bot.Intent.HUMAN, Bot.Intent.RETURN_POLICY,
            Bot.Intent.ORDER_STATUS, Bot.Intent.RESTOCK, Bot.Intent.STORE_HOURS, Bot.Intent.AVAILABILITY,
            Bot.Intent.THANKS, Bot.Intent.GREETING);

    private Cues cues(List<String> words, String phrases) {
        Set<String> stems = new HashSet<>();
        for (String w : words) {
            for (Language l : Language.values()) {
                stems.addAll(analysis.terms(w, l));
            }
            stems.add(w);
        }
        return new Cues(Set.copyOf(stems), Pattern.compile("(" + phrases + ")"));
    }

    /** The intents the message shows, strongest first by the order that settles overlaps. */
    Bot.Intent recognise(String message) {
        Optional<Bot.Intent> taught = learned == null ? Optional.empty() : learned.learnedIntent(message);
        if (taught.isPresent()) {
            return taught.get();
        }
        String folded = String.join(" ", analysis.words(message.replace('’', '\'')));
        Set<String> stems = new HashSet<>(analysis.words(message));
        for (Language l : Language.values()) {
            stems.addAll(analysis.terms(message, l));
        }
        for (Bot.Intent intent : ORDER) {
            if (shows(intent, stems, folded)) {
                // a greeting or thanks followed by a real question is the question
                return intent;
            }
        }
        return Bot.Intent.UNKNOWN;
    }

    boolean shows(Bot.Intent intent, Set<String> stems, String folded) {
        Cues c = cues.get(intent);
        if (c.phrases().matcher(folded).find()) {
            return true;
        }
        for (String s : stems) {
            if (c.stems().contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Every cue word of every intent: left out when looking for the product a message names. */
    boolean isCue(String word) {
        for (Cues c : cues.values()) {
            if (c.stems().contains(word)) {
                return true;
            }
        }
        return false;
    }
}
