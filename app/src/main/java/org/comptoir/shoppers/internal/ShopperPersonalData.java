package org.comptoir.shoppers.internal;

import java.util.List;
import java.util.Map;
import org.comptoir.platform.privacy.PersonalData;
import org.springframework.stereotype.Component;

/** A shopper's account (its address, its password's hash) and sessions: exported without secrets, erased whole. */
@Component
class ShopperPersonalData implements PersonalData {

    private final AccountRepository accounts;

    ShopperPersonalData(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public String category() {
        return "shopperAccounts";
    }

    @Override
    public Object export(Subject subject) {
        return Map.of("accounts", accounts.ofProfiles(subject.profileIds()).stream()
                .map(a -> Map.of("email", a.email(), "hasPassword", a.passwordHash() != null)).toList());
    }

    @Override
    public int erase(Subject subject) {
        List<Account> found = accounts.ofProfiles(subject.profileIds());
        if (found.isEmpty()) {
            return 0;
        }
        return accounts.erase(found.stream().map(Account::id).toList(), found.stream().map(Account::email).toList());
    }
}
