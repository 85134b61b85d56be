package org.comptoir.returns.internal;

import java.util.Map;
import org.comptoir.platform.privacy.PersonalData;
import org.springframework.stereotype.Component;

/** A person's returns and store credit; erasure keeps the amounts and drops who and why. */
@Component
class ReturnPersonalData implements PersonalData {

    private final ReturnRepository returns;

    ReturnPersonalData(ReturnRepository returns) {
        this.returns = returns;
    }

    @Override
    public String category() {
        return "returns";
    }

    @Override
    public Object export(Subject subject) {
        return Map.of("returns", returns.ofPerson(subject.refs(), subject.orderIds()),
                "storeCredit", returns.creditsOf(subject.refs()));
    }

    @Override
    public int erase(Subject subject) {
        return returns.pseudonymise(subject.refs(), subject.orderIds(), subject.pseudonym());
    }
}
