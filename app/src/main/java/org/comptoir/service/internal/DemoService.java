package org.comptoir.service.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo desk: a customer-care team (Monday to Saturday, 9:00 to 19:00), inboxes on every channel,
 * two agents, canned replies, and conversations: the seeds' journey (Nadia asks by chat when the garden
 * shears are back; the bot gives the date and the store that has them; an agent holds them in the
 * Boulogne store until tomorrow) and a mix of channels and states. Loaded once, after the demo orders.
 */
@Component
@org.springframework.core.annotation.Order(75)
@ConditionalOnProperty(name = "comptoir.demo.enabled", havingValue = "true")
class DemoService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoService.class);

    private final ServiceSetup setup;
    private final ServiceRepository repository;
    private final Desk desk;
    private final AgentActions actions;
    private final Clock clock;

    DemoService(ServiceSetup setup, ServiceRepository repository, Desk desk, AgentActions actions, Clock clock) {
        this.setup = setup;
        this.repository = repository;
        this.desk = desk;
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!repository.teamCodes().isEmpty()) {
            return;
        }
        Map<String, List<LocalTime>> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                hours.put(day.name(), List.of(LocalTime.of(9, 0), LocalTime.of(19, 0)));
            }
        }
        setup.team("service-client", "Service client", "Europe/Paris", hours, 3600, 86_400);
        setup.inbox("chat-web", "Chat du site", Model.Channel.WEB_CHAT, null, null, "WEB", true, "service-client");
        setup.inbox("chat-app", "Chat de l'application", Model.Channel.APP_CHAT, null, null, "APP", true,
                "service-client");
        setup.inbox("email", "Email", Model.Channel.EMAIL, "bonjour@jardin-and-co.example", null, "WEB", false,
                "service-client");
        setup.inbox("sms", "SMS", Model.Channel.SMS, "+33170000000", null, "WEB", false, "service-client");
        setup.inbox("whatsapp", "WhatsApp", Model.Channel.WHATSAPP, null, null, "WEB", true, "service-client");
        setup.inbox("instagram", "Instagram", Model.Channel.SOCIAL_DM, null, null, "INSTAGRAM", true,
                "service-client");
        setup.inbox("phone", "Téléphone", Model.Channel.PHONE, "+33170000001", null, "PHONE", false,
                "service-client");
        setup.inbox("bastille", "Magasin Bastille", Model.Channel.IN_STORE, null, "ST-PARIS-BASTILLE", "STORES", false,
                "service-client");
        setup.agent("key:demo-lea", "Léa", "service-client", 8, true);
        setup.agent("key:demo-karim", "Karim", "service-client", 8, true);
        setup.canned("bonjour", "Accueil", "Bonjour {{firstName}}, ici {{agentName}} du service client Jardin & Co.");
        setup.canned("commande", "Où en est la commande",
                "Votre commande {{lastOrderNumber}} est au statut {{lastOrderStatus}}.");
        Caller lea = new Caller("key:demo-lea", "Léa", Set.of(Role.AGENT), Optional.empty(), Optional.empty());
        Caller system = Caller.SYSTEM;

        // The seeds' journey.
        var asked = desk.receive(new Desk.Inbound("chat-web", "EMAIL", "nadia.rousseau@example.fr", null,
                "Bonjour, quand le sécateur sera-t-il de retour ? J'habite Paris 75004.", null), system);
        var handed = desk.receive(new Desk.Inbound("chat-web", "EMAIL", "nadia.rousseau@example.fr", null,
                "Pouvez-vous me le mettre de côté ? Je voudrais parler à un conseiller.", null), system);
        var journey = handed.conversation();
        desk.reply(journey.id(), null, "bonjour", null, lea);
        actions.hold(journey.id(), "JC-00001", "ST-BOULOGNE", 1, clock.instant().plus(Duration.ofDays(1)), "WEB", lea);

        // A mix of channels and states.
        var sms = desk.receive(new Desk.Inbound("sms", "PHONE", "+33610000042", null,
                "Bonjour, ma livraison est-elle bien prévue demain ?", null), system).conversation();
        desk.reply(sms.id(), "Oui, votre colis arrive demain avant 13 h.", null, null, lea);
        desk.resolve(sms.id(), lea);
        desk.receive(new Desk.Inbound("sms", "PHONE", "+33610000042", null, "5 parfait, merci !", null), system);
        desk.receive(new Desk.Inbound("email", "EMAIL", "claire.dumas@example.fr", null,
                "Bonjour, la chemise reçue est trop petite, puis-je l'échanger en magasin ?", null), system);
        desk.receive(new Desk.Inbound("whatsapp", "PHONE", "+33610000077", null, "Merci pour votre aide !", null),
                system);
        desk.receive(new Desk.Inbound("instagram", "SOCIAL", "instagram:jardin_de_lucie", null,
                "Le salon de jardin en teck est-il disponible à Lyon ?", null), system);
        var call = desk.receive(new Desk.Inbound("phone", "PHONE", "+33610000101", null,
                "Appel entrant : question sur un retour", null), system).conversation();
        desk.call(call.id(), "INBOUND", 260, "Cliente guidée pour retourner un arrosoir en magasin.", lea);
        var visit = desk.receive(new Desk.Inbound("bastille", "PHONE", "+33610000150", null,
                "Client en magasin : cherche une haie brise-vue livrée", null), system).conversation();
        desk.note(visit.id(), "À rappeler quand la haie revient en stock.",
                new Caller("key:demo-bastille", "Magasin Bastille", Set.of(Role.STORE_ASSOCIATE),
                        Optional.of("ST-PARIS-BASTILLE"), Optional.empty()));
        log.info("Demo service desk loaded: 8 inboxes, 2 agents, conversation {} is the seeds' journey ({})",
                journey.number(), asked.replies().isEmpty() ? "" : asked.replies().getFirst().body());
    }
}
