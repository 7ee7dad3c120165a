package com.vigilpets.clinic.account;

/** A staff login. {@code passwordHash} is hex, {@code salt} is per account. */
public record UserAccount(long id, String username, String email, String passwordHash, String salt, boolean admin) {
}
