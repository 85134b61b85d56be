package org.comptoir.returns.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.comptoir.returns.ReturnBook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The returns module's answer to {@link ReturnBook}. */
@Service
class ReturnBookService implements ReturnBook {

    private final ReturnRepository returns;

    ReturnBookService(ReturnRepository returns) {
        this.returns = returns;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> of(Collection<String> customerRefs, Collection<UUID> orderIds) {
        return returns.ofPerson(customerRefs, orderIds).stream().map(r -> new Summary(r.id(), r.code(),
                r.orderNumber(), r.orderChannel(), r.openedOnChannel(), r.method().name(), r.status().name(),
                r.refundTo().name(), r.refundAmount(), r.refunded(), r.currency(), r.receivedAtLocation(), r.openedAt(),
                r.receivedAt())).toList();
    }
}
