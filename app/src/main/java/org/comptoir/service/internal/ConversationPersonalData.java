package org.comptoir.service.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.comptoir.platform.privacy.PersonalData;
import org.springframework.stereotype.Component;

/** A person's conversations: exported whole; on erasure what was written goes, the figures stay. */
@Component
class ConversationPersonalData implements PersonalData {

    private final ServiceRepository repository;

    ConversationPersonalData(ServiceRepository repository) {
        this.repository = repository;
    }

    @Override
    public String category() {
        return "conversations";
    }

    @Override
    public Object export(Subject subject) {
        var conversations = repository.ofCustomers(subject.profileIds());
        var messages = repository.messagesOf(conversations.stream().map(Model.Conversation::id).toList());
        return Map.of("conversations", conversations, "messages", messages);
    }

    @Override
    public int erase(Subject subject) {
        List<UUID> ids = repository.ofCustomers(subject.profileIds()).stream().map(Model.Conversation::id).toList();
        return ids.isEmpty() ? 0 : repository.eraseBodies(ids);
    }
}
